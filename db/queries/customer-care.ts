// The reads and writes after registration (docs/api.md, "After registration"): one customer at a time.
// A change is one statement guarded by the version it was computed from (writeCustomerChange); a caller
// that must not lose the race (changeIdentifier, or a retried update) locks the row first (lockCustomer).
// The change's statement is one text (db/queries/__snapshots__/customer-change.sql): parts a change
// leaves alone are fed null or '[]' and write nothing.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { execStatement, jsonParam, param, statementOf, statementOfSteps, type DbOrTx } from '@/db/client';
import { customerHistory, customers, identifiers, identityKeys } from '@/db/schema';
import {
  eventSteps,
  historyStep,
  insertChannels,
  insertSearchWords,
  orgId,
  type ChannelRow,
  type HistoryEntryRow,
} from './customer-writes';
import type { ActorType, CustomerLifecycle, LoyaltyType } from '@/lib/vocabulary';

export interface CustomerKey {
  orgId: number;
  customerId: number;
}

const lockStatement = statementOf(sql`
  select 1 from customers where org_id = ${param('orgId')} and id = ${param('customerId')} for update`);

/** Locks the customer's row until the transaction ends; false when the org has no such customer. */
export async function lockCustomer(db: DbOrTx, key: CustomerKey): Promise<boolean> {
  return (await execStatement(db, lockStatement, key)).length > 0;
}

export type { ChannelRow };

// The customer's row and one of its source accounts (absent: nulls), with the account's channels in
// order and the names of the customer's other accounts (the search words are made of every account's
// names): one statement, so one snapshot. No account asked for: the source is null, and the join
// matches none (sources are never null); `is not distinct from` because `= null` would be folded to
// false with the join's other conditions, which left Citus a join without its org (refused). After lockCustomer in the same transaction, it is sent right
// behind the lock and runs once the lock is had, so it sees what the lock's last holder committed.
export const changeReadStatement = statementOf(sql`
  select c.version, c.lifecycle, c.merged_into, c.status_label_id, s.name as status_label, c.loyalty_type, c.extended_fields,
    sa.id as account, sa.first_name, sa.last_name, sa.fields,
    coalesce((select jsonb_agg(jsonb_build_object('type', ch.type, 'value', ch.value, 'primary', ch.is_primary,
                'verified', ch.verified, 'subscribed', ch.subscribed, 'meta', ch.meta) order by ch.position, ch.id)
              from comm_channels ch where ch.org_id = ${param('orgId')} and ch.source_account_id = sa.id), '[]'::jsonb) as channels,
    coalesce((select jsonb_agg(jsonb_build_array(o.first_name, o.last_name))
              from source_accounts o where o.org_id = ${param('orgId')} and o.customer_id = c.id and o.id <> sa.id),
             '[]'::jsonb) as other_names
  from customers c
  left join status_labels s on s.org_id = c.org_id and s.id = c.status_label_id
  left join source_accounts sa on sa.org_id = c.org_id and sa.customer_id = c.id
    and sa.source is not distinct from ${param('source')} and sa.account_id = ${param('accountId')}
  where c.org_id = ${param('orgId')} and c.id = ${param('customerId')}`);

export interface StoredAccount {
  id: number;
  firstName: string | null;
  lastName: string | null;
  fields: Record<string, unknown>;
  channels: ChannelRow[];
  /** First and last names of the customer's other source accounts. */
  otherNames: [string | null, string | null][];
}

export interface CustomerForChange {
  version: number;
  /** A customer merged into another (`mergedInto`) or deleted takes no writes. */
  lifecycle: CustomerLifecycle;
  mergedInto: number | null;
  statusLabelId: number | null;
  statusLabel: string | null;
  loyaltyType: LoyaltyType;
  extendedFields: Record<string, unknown>;
  /** The source account asked for; null when the customer has none such (or none was asked for). */
  account: StoredAccount | null;
}

/** What a change of the customer starts from; null when the org has no such customer. */
export async function readForChange(
  db: DbOrTx,
  key: CustomerKey & { source: string | null; accountId: string },
): Promise<CustomerForChange | null> {
  const [row] = await execStatement<{
    version: number;
    lifecycle: CustomerLifecycle;
    merged_into: string | number | null;
    status_label_id: number | null;
    status_label: string | null;
    loyalty_type: LoyaltyType;
    extended_fields: Record<string, unknown>;
    account: string | number | null;
    first_name: string | null;
    last_name: string | null;
    fields: Record<string, unknown> | null;
    channels: ChannelRow[];
    other_names: [string | null, string | null][];
  }>(db, changeReadStatement, key);
  if (!row) return null;
  return {
    version: Number(row.version),
    lifecycle: row.lifecycle,
    mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    statusLabelId: row.status_label_id === null ? null : Number(row.status_label_id),
    statusLabel: row.status_label,
    loyaltyType: row.loyalty_type,
    extendedFields: row.extended_fields,
    account:
      row.account === null
        ? null
        : {
            id: Number(row.account),
            firstName: row.first_name,
            lastName: row.last_name,
            fields: row.fields ?? {},
            channels: row.channels,
            otherNames: row.other_names,
          },
  };
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

/** What one change of a customer writes besides its identifiers: one statement (see changeStatement). */
export interface CustomerChange {
  /** The version the change was computed from: nothing is written unless the row still has it. */
  expectedVersion: number;
  /** Customer-level columns; the version goes one up in any case. */
  set: { statusLabelId?: number; loyaltyType?: LoyaltyType; extendedFields?: Record<string, unknown> };
  account?: { id: number; firstName: string | null; lastName: string | null; fields: Record<string, unknown> };
  /** The account's channels, all of them, replacing the stored ones. */
  channels?: { sourceAccountId: number; rows: ChannelRow[] };
  /** The customer's folded name words, all of them, when a name changed. */
  searchWords?: string[];
  context: HistoryContext;
  entries: Omit<HistoryEntryRow, 'position'>[];
}

const customerId = param('customerId');
// Every part but c reads c, so it waits for c and writes nothing when the row had moved on.
const ifWritten = sql`exists (select 1 from c)`;

/**
 * The statement of every change of a customer, one text: a part the change leaves alone is fed null
 * (a column kept, no account) or '[]' (no channels, no search words) and writes nothing. The parts
 * share the statement's snapshot: a delete cannot see the rows the insert beside it adds.
 */
export const changeStatement = statementOfSteps(
  [
    {
      name: 'c',
      returns: 'version integer',
      query: sql`update customers set version = version + 1,
    status_label_id = coalesce(${param('statusLabelId')}, status_label_id),
    loyalty_type = coalesce(${param('loyaltyType')}, loyalty_type),
    extended_fields = coalesce(${jsonParam('extendedFields')}, extended_fields)
  where org_id = ${orgId} and id = ${customerId} and version = ${param('expectedVersion')} returning version`,
    },
    {
      name: 'a',
      reads: ['c'],
      query: sql`update source_accounts set first_name = ${param('firstName')}, last_name = ${param('lastName')}, fields = ${jsonParam('fields')}
  where org_id = ${orgId} and id = ${param('accountId')} and ${ifWritten}`,
    },
    {
      name: 'dc',
      reads: ['c'],
      query: sql`delete from comm_channels where org_id = ${orgId} and source_account_id = ${param('channelAccountId')} and ${ifWritten}`,
    },
    { name: 'ic', reads: ['c'], insert: insertChannels({ account: param('channelAccountId'), from: sql`c` }) },
    {
      name: 'dw',
      reads: ['c'],
      query: sql`delete from customer_search_words where org_id = ${orgId} and customer_id = ${customerId} and ${ifWritten}
  and ${jsonParam('searchWords')} is not null and word not in (select jsonb_array_elements_text(${jsonParam('searchWords')}))`,
    },
    { name: 'iw', reads: ['c'], insert: insertSearchWords({ customerId, from: sql`c` }) },
    historyStep({ customerId, from: sql`c`, reads: ['c'] }),
    ...eventSteps(),
  ],
  { reads: ['c'], query: sql`select version from c` },
);

/**
 * Writes a change of the customer in one statement: its row with the version one up, the account's names
 * and fields, its channels, the search words (words the names no longer have go, new ones come), the
 * history entries and their events (the outbox). Returns the new version, or null when the row no longer had `expectedVersion`
 * (another change came first: nothing was written). Under the caller's row lock the version cannot have moved.
 */
export async function writeCustomerChange(db: DbOrTx, key: CustomerKey, w: CustomerChange): Promise<number | null> {
  const [row] = await execStatement<{ version: number }>(db, changeStatement, {
    ...key,
    expectedVersion: w.expectedVersion,
    statusLabelId: w.set.statusLabelId ?? null,
    loyaltyType: w.set.loyaltyType ?? null,
    extendedFields: w.set.extendedFields ? JSON.stringify(w.set.extendedFields) : null,
    accountId: w.account?.id ?? null,
    firstName: w.account?.firstName ?? null,
    lastName: w.account?.lastName ?? null,
    fields: w.account ? JSON.stringify(w.account.fields) : null,
    channelAccountId: w.channels?.sourceAccountId ?? null,
    channels: JSON.stringify(w.channels?.rows.map((c, position) => ({ ...c, position })) ?? []),
    searchWords: w.searchWords ? JSON.stringify(w.searchWords) : null,
    actorType: w.context.actorType,
    actorCode: w.context.actorCode,
    requestId: w.context.requestId,
    userContext: w.context.userContext && JSON.stringify(w.context.userContext),
    history: JSON.stringify(w.entries.map((e, position) => ({ ...e, position }))),
  });
  return row ? Number(row.version) : null;
}

export interface HistoryContext {
  actorType: ActorType;
  actorCode: string;
  requestId: string;
  userContext: Record<string, string> | null;
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

/**
 * Frees a unique identifier when no account of the customer holds it any more (run after
 * deleteIdentifiers). One statement a key, every key column bound: as a join with a JSON list of keys,
 * PostgreSQL planning generically on a young table reads all of the org's identity keys instead.
 */
export const releaseIdentityKeyStatement = statementOf(sql`
  delete from identity_keys k
  where k.org_id = ${orgId} and k.type = ${param('type')} and k.value = ${param('value')} and k.customer_id = ${customerId}
    and not exists (select 1 from identifiers i
                    where i.org_id = ${orgId} and i.value = k.value and i.type = k.type and i.customer_id = k.customer_id)`);

export async function releaseIdentityKey(db: DbOrTx, k: CustomerKey & { type: string; value: string }): Promise<void> {
  await execStatement(db, releaseIdentityKeyStatement, k);
}

/** Removes these identifiers of the source account, in one statement. */
export const deleteIdentifiersStatement = statementOf(sql`
  delete from identifiers i using jsonb_to_recordset(${jsonParam('list')}) as x(type text, value text)
  where i.org_id = ${orgId} and i.source_account_id = ${param('sourceAccountId')} and i.type = x.type and i.value = x.value`);

export async function deleteIdentifiers(
  db: DbOrTx,
  d: { orgId: number; sourceAccountId: number; list: { type: string; value: string }[] },
): Promise<void> {
  if (d.list.length)
    await execStatement(db, deleteIdentifiersStatement, {
      ...d,
      list: JSON.stringify(d.list.map(({ type, value }) => ({ type, value }))),
    });
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
