// /member-care/ui/settings/registration — the Registration Configuration editor (admins only; staff get 403)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { PageHeader } from '@/components/layout/page-header';
import { ConfigHistory, HISTORY_ID } from '@/components/settings/config-history';
import type { ExtendedFieldInfo } from '@/components/settings/extended-fields-section';
import { SettingsContents } from '@/components/settings/settings-contents';
import { SettingsForm } from '@/components/settings/settings-form';
import { getDb } from '@/db/client';
import { listConfigSaves } from '@/db/queries/settings';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import { readConfigSave } from '@/lib/config/settings-history';
import { toSettingsInput } from '@/lib/config/settings-input';
import type { OrgConfig } from '@/lib/config/types';
import { saveRegistrationSettings } from './actions';

export const metadata: Metadata = { title: 'Registration Configuration · Member Care' };

const URL = '/member-care/ui/settings/registration';
const SAVES_PER_PAGE = 10;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The history page asked for (?history=2); anything else is the first. */
function historyPageOf(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

function catalogueOf(config: OrgConfig): ExtendedFieldInfo[] {
  const { customer, card } = config.extendedFields;
  return [
    ...customer.map((f) => ({
      id: f.id,
      name: f.name,
      label: f.catalogueLabel,
      dataType: f.dataType,
      scope: 'Customer' as const,
    })),
    ...card.map((f) => ({
      id: f.id,
      name: f.name,
      label: f.catalogueLabel,
      dataType: f.dataType,
      scope: 'Card' as const,
    })),
  ];
}

export default async function RegistrationSettingsPage({ searchParams }: Props) {
  // Admins only: store staff get the 403 page (forbidden()).
  const staff = await requireStaff({ admin: true, from: URL });
  const page = historyPageOf((await searchParams).history);
  // The session's org only, for the configuration and its history alike.
  const [config, history] = await Promise.all([
    getOrgConfig(staff.orgId),
    getDb().then((db) =>
      listConfigSaves(db, staff.orgId, { limit: SAVES_PER_PAGE, offset: (page - 1) * SAVES_PER_PAGE }),
    ),
  ]);
  if (!config) notFound();
  const catalogue = catalogueOf(config);
  const fieldNames = new Map(catalogue.map((f) => [f.id, f.label]));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <AdminNav current={URL} />
      <PageHeader
        title="Registration Configuration"
        description={`${config.orgName}: what registration asks for and accepts, in this app and in the API. A saved change applies to the next registration.`}
      />
      <SettingsContents />
      <SettingsForm
        version={config.version}
        initial={toSettingsInput(config)}
        region={config.region}
        catalogue={catalogue}
        save={saveRegistrationSettings}
      />
      <ConfigHistory
        saves={history.rows.map(readConfigSave)}
        page={page}
        pageCount={Math.max(1, Math.ceil(history.total / SAVES_PER_PAGE))}
        hrefOf={(n) => `${URL}?history=${n}#${HISTORY_ID}`}
        extendedFieldName={(id) => fieldNames.get(id) ?? `#${id}`}
      />
    </div>
  );
}
