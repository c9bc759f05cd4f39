// /member-care/ui/account — the signed-in staff member's own account: change password. Someone
// signed in with a one-time password is sent here first (lib/auth/require-staff.ts).
import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ACCOUNT_PATH, requireStaff } from '@/lib/auth/require-staff';
import { MIN_PASSWORD_LENGTH } from '@/lib/admin/password-strength';
import { TotpSetup } from '@/components/account/totp-setup';
import { getDb } from '@/db/client';
import { findActiveStaffUser } from '@/db/queries/staff-users';
import { may } from '@/lib/auth/access';
import { changePassword, startTotpSetup, turnOnTotp } from './actions';

export const metadata: Metadata = { title: 'Your account · Member Care' };

export default async function AccountPage() {
  const staff = await requireStaff({ from: ACCOUNT_PATH });
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title="Your account" description={`${staff.name} · ${staff.email} · ${staff.role}`} />
      <ChangePasswordForm
        mustChange={staff.mustChangePassword}
        minLength={MIN_PASSWORD_LENGTH}
        changePassword={changePassword}
      />
      {may(staff, 'admin') && (
        <TotpSetup
          enabled={(await findActiveStaffUser(await getDb(), staff.orgId, staff.userId))?.totpEnabled ?? false}
          start={startTotpSetup}
          turnOn={turnOnTotp}
        />
      )}
    </div>
  );
}
