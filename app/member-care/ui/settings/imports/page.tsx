// /member-care/ui/settings/imports — import customers from a CSV file, with progress (admins only; staff get 403)
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { ImportsAdmin, type ImportJob, type ImportSource } from '@/components/imports/imports-admin';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { listImportJobs } from '@/db/queries/imports';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import { importJobView } from '@/lib/imports/views';

export const metadata: Metadata = { title: 'Imports · Member Care' };
const URL = '/member-care/ui/settings/imports';

export default async function ImportsPage() {
  const staff = await requireStaff({ admin: true, from: URL });
  const jobs: ImportJob[] = (await listImportJobs(await getDb(), staff.orgId, 20)).map(importJobView);
  // The sources the rows may go to: the org's enabled ones, as the upload checks them (3217, 8127).
  const sources: ImportSource[] = (await getOrgConfig(staff.orgId))?.sources ?? [];
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <AdminNav current={URL} />
      <PageHeader
        title="Imports"
        description="Bring customers in from a CSV file: check it first, then import. Each row is a normal registration."
      />
      <ImportsAdmin initial={jobs} sources={sources} />
    </div>
  );
}
