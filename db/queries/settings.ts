// Writes of the Registration Configuration editor (lib/config/save.ts runs them in one transaction).
// Every statement is scoped by org; rows other tables point at (labels, tills, series, tiers) are
// updated in place and deleted one at a time, so a row still in use fails alone (23503) and by name.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  apiClients,
  auditLog,
  customFields,
  orgExtendedFieldSettings,
  orgs,
  orgSourceAccounts,
  orgSources,
  registrationConfigs,
  staffUsers,
  statusLabels,
  tills,
} from '@/db/schema';
import type { CustomerStatus, CustomFieldType } from '@/lib/vocabulary';

/**
 * Serialises saves of one org's configuration; false when the org does not exist. NO KEY UPDATE:
 * registrations (foreign keys to orgs take KEY SHARE) carry on while an admin saves.
 */
export async function lockOrgConfig(db: DbOrTx, orgId: number): Promise<boolean> {
  const rows = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('no key update');
  return rows.length > 0;
}

/** Sets the rate-limit override and bumps the version that caches compare. */
export async function bumpOrgConfigVersion(
  db: DbOrTx,
  orgId: number,
  rateLimitOverride: number | null,
): Promise<number> {
  const [row] = await db
    .update(orgs)
    .set({ rateLimitOverride, configVersion: sql`${orgs.configVersion} + 1` })
    .where(eq(orgs.id, orgId))
    .returning({ version: orgs.configVersion });
  if (!row) throw new Error(`org ${orgId} vanished during a configuration save`);
  return row.version;
}

/** Lets the labels be rewritten (the default label is a foreign key); set again by upsertRegistrationConfig. */
export async function clearDefaultStatusLabel(db: DbOrTx, orgId: number): Promise<void> {
  await db.update(registrationConfigs).set({ defaultStatusLabelId: null }).where(eq(registrationConfigs.orgId, orgId));
}

export type RegistrationConfigValues = Omit<typeof registrationConfigs.$inferInsert, 'orgId' | 'updatedAt'>;

export async function upsertRegistrationConfig(
  db: DbOrTx,
  orgId: number,
  values: RegistrationConfigValues,
): Promise<void> {
  const row = { ...values, updatedAt: new Date() };
  await db
    .insert(registrationConfigs)
    .values({ orgId, ...row })
    .onConflictDoUpdate({ target: registrationConfigs.orgId, set: row });
}

/** Nothing points at sources or accounts (customers store the words), so they are simply replaced. */
export async function replaceSources(
  db: DbOrTx,
  orgId: number,
  sources: { source: string; accounts: { accountId: string; name: string }[] }[],
): Promise<void> {
  await db.delete(orgSourceAccounts).where(eq(orgSourceAccounts.orgId, orgId));
  await db.delete(orgSources).where(eq(orgSources.orgId, orgId));
  if (sources.length) await db.insert(orgSources).values(sources.map(({ source }) => ({ orgId, source })));
  const accounts = sources.flatMap(({ source, accounts: list }) => list.map((a) => ({ orgId, source, ...a })));
  if (accounts.length) await db.insert(orgSourceAccounts).values(accounts);
}

export async function replaceCustomFields(
  db: DbOrTx,
  orgId: number,
  fields: {
    name: string;
    label: string;
    dataType: CustomFieldType;
    enumValues: string[];
    mandatory: boolean;
    atCounter: boolean;
  }[],
): Promise<void> {
  await db.delete(customFields).where(eq(customFields.orgId, orgId));
  if (fields.length) await db.insert(customFields).values(fields.map((f, position) => ({ orgId, ...f, position })));
}

export async function replaceExtendedFieldSettings(
  db: DbOrTx,
  orgId: number,
  settings: { id: number; mandatory: boolean; label: string | null; atCounter: boolean }[],
): Promise<void> {
  await db.delete(orgExtendedFieldSettings).where(eq(orgExtendedFieldSettings.orgId, orgId));
  if (settings.length) {
    await db.insert(orgExtendedFieldSettings).values(
      settings.map((s) => ({
        orgId,
        fieldId: s.id,
        mandatory: s.mandatory,
        label: s.label || null,
        atCounter: s.atCounter,
      })),
    );
  }
}

export async function deleteStatusLabel(db: DbOrTx, orgId: number, id: number): Promise<void> {
  await db.delete(statusLabels).where(and(eq(statusLabels.orgId, orgId), eq(statusLabels.id, id)));
}

export async function updateStatusLabel(
  db: DbOrTx,
  orgId: number,
  id: number,
  values: { name: string; status: CustomerStatus },
): Promise<void> {
  await db
    .update(statusLabels)
    .set(values)
    .where(and(eq(statusLabels.orgId, orgId), eq(statusLabels.id, id)));
}

export async function insertStatusLabel(
  db: DbOrTx,
  orgId: number,
  values: { name: string; status: CustomerStatus },
): Promise<number> {
  const [row] = await db
    .insert(statusLabels)
    .values({ orgId, ...values })
    .returning({ id: statusLabels.id });
  return row!.id;
}

/** The org's tills that an API client signs in as (the API clients page's tills). */
export async function tillIdsWithApiClients(db: DbOrTx, orgId: number): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ tillId: apiClients.tillId })
    .from(apiClients)
    .where(and(eq(apiClients.orgId, orgId), isNotNull(apiClients.tillId)));
  return new Set(rows.map((r) => r.tillId!));
}

export async function deleteTill(db: DbOrTx, orgId: number, id: number): Promise<void> {
  await db.delete(tills).where(and(eq(tills.orgId, orgId), eq(tills.id, id)));
}

export async function updateTillName(db: DbOrTx, orgId: number, id: number, name: string): Promise<void> {
  await db
    .update(tills)
    .set({ name })
    .where(and(eq(tills.orgId, orgId), eq(tills.id, id)));
}

export async function insertTill(db: DbOrTx, orgId: number, values: { code: string; name: string }): Promise<void> {
  await db.insert(tills).values({ orgId, ...values });
}

/** The audit action of a configuration save; audit_log_config_idx is partial on it. */
const CONFIG_SAVE = 'config.update';
const isConfigSave = sql`${auditLog.action} = 'config.update'`;

export async function insertConfigAudit(
  db: DbOrTx,
  orgId: number,
  entry: { requestId: string; actorType: string; actorCode: string; details: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({ orgId, action: CONFIG_SAVE, outcome: 'success', ...entry });
}

export interface ConfigSaveRow {
  id: number;
  at: Date;
  actorType: string;
  actorCode: string;
  /** The staff member's name when a staff user of this org saved. */
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/** One page of an org's configuration saves, newest first, and how many there are in all. */
export async function listConfigSaves(
  db: DbOrTx,
  orgId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: ConfigSaveRow[]; total: number }> {
  // The action is written out, not bound, so the planner can match the partial index.
  const where = and(eq(auditLog.orgId, orgId), isConfigSave);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.createdAt,
        actorType: auditLog.actorType,
        actorCode: auditLog.actorCode,
        actorName: staffUsers.name,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(
        staffUsers,
        and(
          eq(staffUsers.orgId, auditLog.orgId),
          eq(auditLog.actorType, 'STAFF'),
          eq(sql`lower(${staffUsers.email})`, sql`lower(${auditLog.actorCode})`),
        ),
      )
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** NOTIFY inside a transaction: listeners hear it at commit, and never after a rollback. */
export async function notifyChannel(db: DbOrTx, channel: string, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}
