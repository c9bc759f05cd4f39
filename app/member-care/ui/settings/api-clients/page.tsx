// /member-care/ui/settings/api-clients — the org's tills and OAuth clients: add, rotate, revoke (admins only; staff get 403)
import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { ApiClientsAdmin } from '@/components/admin/api-clients-admin';
import { getDb } from '@/db/client';
import { listClients } from '@/lib/admin/api-clients';
import { requireStaff } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'API clients · Member Care' };
const URL = '/member-care/ui/settings/api-clients';

export default async function ApiClientsPage() {
  const staff = await requireStaff({ admin: true, from: URL });
  const { clients } = await listClients(await getDb(), staff.orgId);
  return (
    <AdminPage
      current={URL}
      title="API clients"
      description="Tills and integrations that call the API. Secrets are shown once when made or rotated; a revoked client stops within a minute."
    >
      <ApiClientsAdmin initial={clients} />
    </AdminPage>
  );
}
