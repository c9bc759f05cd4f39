// The editor's pages share this layout and its one form: the whole Registration Configuration
// document, edited a part per page and saved whole by the one server action.
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import type { ExtendedFieldInfo } from '@/components/settings/extended-fields-section';
import { SettingsForm } from '@/components/settings/settings-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import { toSettingsInput } from '@/lib/config/settings-input';
import type { OrgConfig } from '@/lib/config/types';
import { saveRegistrationSettings } from '../actions';

function catalogueOf(config: OrgConfig): ExtendedFieldInfo[] {
  const { customer, card } = config.extendedFields;
  const info =
    (scope: ExtendedFieldInfo['scope']) =>
    (f: OrgConfig['extendedFields']['customer'][number]): ExtendedFieldInfo => ({
      id: f.id,
      name: f.name,
      label: f.catalogueLabel,
      dataType: f.dataType,
      scope,
    });
  return [...customer.map(info('Customer')), ...card.map(info('Card'))];
}

export default async function SettingsEditorLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff({ admin: true });
  // The session's org only.
  const config = await getOrgConfig(staff.orgId);
  if (!config) notFound();
  return (
    <SettingsForm
      version={config.version}
      initial={toSettingsInput(config)}
      region={config.region}
      catalogue={catalogueOf(config)}
      save={saveRegistrationSettings}
    >
      {children}
    </SettingsForm>
  );
}
