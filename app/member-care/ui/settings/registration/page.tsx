// /member-care/ui/settings/registration — the Registration Configuration editor (admins only; staff get 403)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import type { ExtendedFieldInfo } from '@/components/settings/extended-fields-section';
import { SettingsContents } from '@/components/settings/settings-contents';
import { SettingsForm } from '@/components/settings/settings-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import { toSettingsInput } from '@/lib/config/settings-input';
import type { OrgConfig } from '@/lib/config/types';
import { saveRegistrationSettings } from './actions';

export const metadata: Metadata = { title: 'Registration Configuration · Member Care' };

function catalogueOf(config: OrgConfig): ExtendedFieldInfo[] {
  const { customer, card } = config.extendedFields;
  return [
    ...customer.map((f) => ({
      id: f.id,
      name: f.name,
      label: f.label,
      dataType: f.dataType,
      scope: 'Customer' as const,
    })),
    ...card.map((f) => ({ id: f.id, name: f.name, label: f.label, dataType: f.dataType, scope: 'Card' as const })),
  ];
}

export default async function RegistrationSettingsPage() {
  // Admins only: store staff get the 403 page (forbidden()).
  const staff = await requireStaff({ admin: true, from: '/member-care/ui/settings/registration' });
  const config = await getOrgConfig(staff.orgId);
  if (!config) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Registration Configuration"
        description={`${config.orgName}: what registration asks for and accepts, in this app and in the API. A saved change applies to the next registration.`}
      />
      <SettingsContents />
      {/* Keyed by version: a save elsewhere (another admin) reloads the form with the stored document. */}
      <SettingsForm
        key={config.version}
        initial={toSettingsInput(config)}
        region={config.region}
        catalogue={catalogueOf(config)}
        save={saveRegistrationSettings}
      />
    </div>
  );
}
