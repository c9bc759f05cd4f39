// /member-care/ui/settings/staff — the org's staff: add, change role, deactivate, reset password (admins only; staff get 403)
import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { StaffAdmin } from '@/components/admin/staff-admin';
import { getDb } from '@/db/client';
import { listStaff } from '@/lib/admin/staff';
import { requireStaff } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'Staff · Member Care' };
const URL = '/member-care/ui/settings/staff';

export default async function StaffPage() {
  const staff = await requireStaff({ admin: true, from: URL });
  const { staff: members } = await listStaff(await getDb(), staff.orgId);
  return (
    <AdminPage
      current={URL}
      title="Staff"
      description="Who signs in to Member Care: staff search, register and care; supervisors also approve requests; admins do everything."
    >
      <StaffAdmin initial={members} />
    </AdminPage>
  );
}
