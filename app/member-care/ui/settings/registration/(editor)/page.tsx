// /member-care/ui/settings/registration — the editor's first page: identifiers, mobile numbers, time zone (admins only)
import type { Metadata } from 'next';
import { SettingsPart } from '@/components/settings/settings-part';
import { SETTINGS_URL } from '@/components/settings/sections';
import { requireStaff } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'Identifiers · Registration Configuration · Member Care' };

export default async function IdentifiersSettingsPage() {
  await requireStaff({ admin: true, from: SETTINGS_URL });
  return <SettingsPart slug="" />;
}
