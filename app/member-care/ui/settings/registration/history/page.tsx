// /member-care/ui/settings/registration/history — every save of the configuration, newest first (admins only)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConfigHistory } from '@/components/settings/config-history';
import { HISTORY_PAGE } from '@/components/settings/sections';
import { getDb } from '@/db/client';
import { listConfigSaves } from '@/db/queries/settings';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import { readConfigSave } from '@/lib/config/settings-history';

export const metadata: Metadata = { title: 'History · Registration Configuration · Member Care' };

const SAVES_PER_PAGE = 10;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The history page asked for (?history=2); anything else is the first. */
function historyPageOf(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

export default async function SettingsHistoryPage({ searchParams }: Props) {
  const staff = await requireStaff({ admin: true, from: HISTORY_PAGE.href });
  const page = historyPageOf((await searchParams).history);
  // The session's org only, for the configuration and its history alike.
  const [config, history] = await Promise.all([
    getOrgConfig(staff.orgId),
    getDb().then((db) =>
      listConfigSaves(db, staff.orgId, { limit: SAVES_PER_PAGE, offset: (page - 1) * SAVES_PER_PAGE }),
    ),
  ]);
  if (!config) notFound();
  const { customer, card } = config.extendedFields;
  const fieldNames = new Map([...customer, ...card].map((f) => [f.id, f.catalogueLabel]));
  return (
    <ConfigHistory
      saves={history.rows.map(readConfigSave)}
      page={page}
      pageCount={Math.max(1, Math.ceil(history.total / SAVES_PER_PAGE))}
      hrefOf={(n) => `${HISTORY_PAGE.href}?history=${n}`}
      extendedFieldName={(id) => fieldNames.get(id) ?? `#${id}`}
    />
  );
}
