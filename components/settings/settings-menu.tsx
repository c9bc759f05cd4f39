'use client';

import { usePathname } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';

/** The Settings menu in the editor's layout, which stays while its pages change: the path says which is current. */
export function SettingsMenu() {
  return <AdminNav current={usePathname()} />;
}
