// The shell of every administration page, around what the page shows: the Settings menu and the
// heading. The page itself requires the staff member (requireStaff) before it reads anything.
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { AdminNav, type SettingsPath } from './admin-nav';

export function AdminPage({
  current,
  title,
  description,
  children,
}: {
  current: SettingsPath;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <AdminNav current={current} />
      <PageHeader title={title} description={description} />
      {children}
    </div>
  );
}
