// The writes after registration (docs/api.md, "After registration"): one customer at a time, inside the
// caller's transaction, the customer's row locked first so versions and history follow one order.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { execRows, type DbOrTx } from '@/db/client';
import {
  commChannels,
  customerHistory,
  customers,
  customerSearchWords,
  identifiers,
  identityKeys,
  sourceAccounts,
  statusLabels,
  type HistoryChange,
} from '@/db/schema';
import type { ActorType, HistoryAction, LoyaltyType } from '@/lib/vocabulary';

export interface CustomerKey {
  orgId: number;
  customerId: number;
}

/** The customer's own row, locked until the transaction ends; null when the org has no such customer. */
export async function lockCustomer(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  const [row] = await db
    .select({
      version: customers.version,
      statusLabelId: customers.statusLabelId,
      statusLabel: statusLabels.name,
      loyaltyType: customers.loyaltyType,
      extendedFields: customers.extendedFields,
    })
    .from(customers)
    .leftJoin(statusLabels, and(eq(statusLabels.orgId, customers.orgId), eq(statusLabels.id, customers.statusLabelId)))
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))
    .for('update', { of: customers });
  return row ?? null;
}

export async function findSourceAccount(db: DbOrTx, key: CustomerKey & { source: string; accountId: string }) {
  const [row] = await db
    .select({
      id: sourceAccounts.id,
      firstName: sourceAccounts.firstName,
      lastName: sourceAccounts.lastName,
      fields: sourceAccounts.fields,
    })
    .from(sourceAccounts)
    .where(
      and(
        eq(sourceAccounts.orgId, key.orgId),
        eq(sourceAccounts.customerId, key.customerId),
        eq(sourceAccounts.source, key.source),
        eq(sourceAccounts.accountId, key.accountId),
      ),
    );
  return row ?? null;
}

/** Every source account's names: what the search words are made of. */
export function listNamesOfCustomer(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  return db
    .select({ firstName: sourceAccounts.firstName, lastName: sourceAccounts.lastName })
    .from(sourceAccounts)
    .where(and(eq(sourceAccounts.orgId, orgId), eq(sourceAccounts.customerId, customerId)));
}

export function listChannelsOfAccount(
  db: DbOrTx,
  { orgId, sourceAccountId }: { orgId: number; sourceAccountId: number },
) {
  return db
    .select({
      type: commChannels.type,
      value: commChannels.value,
      primary: commChannels.primary,
      verified: commChannels.verified,
      subscribed: commChannels.subscribed,
      meta: commChannels.meta,
    })
    .from(commChannels)
    .where(and(eq(commChannels.orgId, orgId), eq(commChannels.sourceAccountId, sourceAccountId)))
    .orderBy(asc(commChannels.position), asc(commChannels.id));
}

export function listIdentifiersOfAccount(
  db: DbOrTx,
  { orgId, sourceAccountId }: { orgId: number; sourceAccountId: number },
) {
  return db
    .select({ type: identifiers.type, value: identifiers.value, position: identifiers.position })
    .from(identifiers)
    .where(and(eq(identifiers.orgId, orgId), eq(identifiers.sourceAccountId, sourceAccountId)))
    .orderBy(asc(identifiers.position));
}

export async function updateSourceAccount(
  db: DbOrTx,
  a: { orgId: number; id: number; firstName: string | null; lastName: string | null; fields: Record<string, unknown> },
): Promise<void> {
  await db
    .update(sourceAccounts)
    .set({ firstName: a.firstName, lastName: a.lastName, fields: a.fields })
    .where(and(eq(sourceAccounts.orgId, a.orgId), eq(sourceAccounts.id, a.id)));
}

export interface ChannelRow {
  type: string;
  value: string;
  primary: boolean;
  verified: boolean;
  subscribed: boolean | null;
  meta: Record<string, unknown>;
}

export async function replaceChannels(
  db: DbOrTx,
  { orgId, sourceAccountId, channels }: { orgId: number; sourceAccountId: number; channels: ChannelRow[] },
): Promise<void> {
  await db
    .delete(commChannels)
    .where(and(eq(commChannels.orgId, orgId), eq(commChannels.sourceAccountId, sourceAccountId)));
  if (channels.length)
    await db.insert(commChannels).values(channels.map((c, position) => ({ orgId, sourceAccountId, position, ...c })));
}

/** The customer-level columns, and the version one up; returns the new version. */
export async function updateCustomerRow(
  db: DbOrTx,
  key: CustomerKey,
  set: { statusLabelId?: number; loyaltyType?: LoyaltyType; extendedFields?: Record<string, unknown> },
): Promise<number> {
  const [row] = await db
    .update(customers)
    .set({ ...set, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.customerId)))
    .returning({ version: customers.version });
  if (!row) throw new Error('customer row vanished while locked');
  return row.version;
}

export async function replaceSearchWords(db: DbOrTx, key: CustomerKey, words: string[]): Promise<void> {
  await db
    .delete(customerSearchWords)
    .where(and(eq(customerSearchWords.orgId, key.orgId), eq(customerSearchWords.customerId, key.customerId)));
  if (words.length)
    await db
      .insert(customerSearchWords)
      .values(words.map((word) => ({ orgId: key.orgId, customerId: key.customerId, word })));
}

export interface HistoryContext {
  actorType: ActorType;
  actorCode: string;
  requestId: string;
  userContext: Record<string, string> | null;
}

export async function insertHistory(
  db: DbOrTx,
  key: CustomerKey,
  context: HistoryContext,
  entries: { action: HistoryAction; reason: string | null; changes: HistoryChange[] }[],
): Promise<void> {
  if (!entries.length) return;
  await db.insert(customerHistory).values(entries.map((e) => ({ ...key, ...context, ...e })));
}

/** A page of the customer's history, newest first; `before` is the id of the last entry already seen. */
export function listHistory(db: DbOrTx, key: CustomerKey & { limit: number; before?: number }) {
  return db
    .select()
    .from(customerHistory)
    .where(
      and(
        eq(customerHistory.orgId, key.orgId),
        eq(customerHistory.customerId, key.customerId),
        key.before === undefined ? undefined : lt(customerHistory.id, key.before),
      ),
    )
    .orderBy(desc(customerHistory.id))
    .limit(key.limit);
}

export async function customerExists(db: DbOrTx, { orgId, customerId }: CustomerKey): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return row !== undefined;
}

/**
 * Claims a unique identifier for the customer; answers who holds it now. The primary key decides: a
 * concurrent claim waits for the other transaction and then sees its row. A key freed meanwhile is
 * claimed again.
 */
export async function claimIdentityKey(
  db: DbOrTx,
  k: { orgId: number; type: string; value: string; customerId: number },
): Promise<number> {
  for (;;) {
    const [inserted] = await db
      .insert(identityKeys)
      .values(k)
      .onConflictDoNothing()
      .returning({ customerId: identityKeys.customerId });
    if (inserted) return inserted.customerId;
    const [holder] = await db
      .select({ customerId: identityKeys.customerId })
      .from(identityKeys)
      .where(and(eq(identityKeys.orgId, k.orgId), eq(identityKeys.type, k.type), eq(identityKeys.value, k.value)));
    if (holder) return holder.customerId;
  }
}

/** Frees a unique identifier when no account of the customer holds it any more. */
export async function releaseIdentityKey(
  db: DbOrTx,
  k: { orgId: number; type: string; value: string; customerId: number },
): Promise<void> {
  await execRows(
    db,
    sql`delete from identity_keys k
        where k.org_id = ${k.orgId} and k.type = ${k.type} and k.value = ${k.value} and k.customer_id = ${k.customerId}
          and not exists (select 1 from identifiers i
                          where i.org_id = k.org_id and i.value = k.value and i.type = k.type and i.customer_id = k.customer_id)`,
  );
}

export async function deleteIdentifiers(
  db: DbOrTx,
  { orgId, sourceAccountId, list }: { orgId: number; sourceAccountId: number; list: { type: string; value: string }[] },
): Promise<void> {
  for (const i of list)
    await db
      .delete(identifiers)
      .where(
        and(
          eq(identifiers.orgId, orgId),
          eq(identifiers.sourceAccountId, sourceAccountId),
          eq(identifiers.type, i.type),
          eq(identifiers.value, i.value),
        ),
      );
}

export async function insertIdentifiers(
  db: DbOrTx,
  rows: {
    orgId: number;
    sourceAccountId: number;
    customerId: number;
    type: string;
    value: string;
    position: number;
    seriesId: number | null;
    statusLabel: string | null;
    extendedFields: Record<string, unknown> | null;
  }[],
): Promise<void> {
  if (rows.length) await db.insert(identifiers).values(rows);
}
