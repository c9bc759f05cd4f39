// /member-care/ui/settings/registration/… — the Registration Configuration's pages (admins only; staff get 403)
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { SettingsMenu } from '@/components/settings/settings-menu';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';

export default async function RegistrationSettingsLayout({ children }: { children: ReactNode }) {
  // Admins only: store staff get the 403 page (forbidden()). Each page checks again for itself.
  const staff = await requireStaff({ admin: true });
  const config = await getOrgConfig(staff.orgId);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <SettingsMenu />
      <PageHeader
        title="Registration Configuration"
        description={`${config?.orgName ?? 'Your organisation'}: what registration asks for and accepts, in this app and in the API. A saved change applies to the next registration.`}
      />
      {children}
    </div>
  );
}
