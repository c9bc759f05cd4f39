import { may } from '@/lib/auth/access';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { TimeZoneProvider } from '@/components/customer/local-time';
import { Providers } from '@/components/providers';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';

export default async function MemberCareLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const config = await getOrgConfig(staff.orgId);
  return (
    <Providers>
      <TimeZoneProvider timeZone={config?.timeZone ?? null}>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <AppHeader
          name={staff.name}
          email={staff.email}
          role={staff.role}
          isAdmin={may(staff, 'admin')}
          orgName={config?.orgName ?? ''}
        />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </TimeZoneProvider>
    </Providers>
  );
}
