// /member-care/ui/settings/imports — import customers from a CSV file, with progress (admins only; staff get 403)
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { ImportsAdmin, type ImportJob } from '@/components/imports/imports-admin';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { listImportJobs } from '@/db/queries/imports';
import { requireStaff } from '@/lib/auth/require-staff';
import { importJobView } from '@/lib/imports/views';

export const metadata: Metadata = { title: 'Imports · Member Care' };
const URL = '/member-care/ui/settings/imports';

export default async function ImportsPage() {
  const staff = await requireStaff({ admin: true, from: URL });
  const jobs: ImportJob[] = (await listImportJobs(await getDb(), staff.orgId, 20)).map(importJobView);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <AdminNav current={URL} />
      <PageHeader
        title="Imports"
        description="Bring customers in from a CSV file: check it first, then import. Each row is a normal registration."
      />
      <ImportsAdmin initial={jobs} />
    </div>
  );
}
