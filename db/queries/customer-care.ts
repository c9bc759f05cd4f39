// The writes after registration (docs/api.md, "After registration"): one customer at a time, inside the
// caller's transaction, the customer's row locked first so versions and history follow one order.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { execRows, execStatement, jsonParam, param, statementCache, statementOf, type DbOrTx } from '@/db/client';
import { customerHistory, customers, identifiers, identityKeys, type HistoryChange } from '@/db/schema';
import type { ActorType, HistoryAction, LoyaltyType } from '@/lib/vocabulary';

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

export interface ChannelRow {
  type: string;
  value: string;
  primary: boolean;
  verified: boolean;
  subscribed: boolean | null;
  meta: Record<string, unknown>;
}

/** A channel as the comm_channels columns the write statements read from their JSON parameters. */
export function channelColumns(c: ChannelRow & { position: number }) {
  return {
    position: c.position,
    type: c.type,
    value: c.value,
    is_primary: c.primary,
    verified: c.verified,
    subscribed: c.subscribed,
    meta: c.meta,
  };
}

// The customer's row and one of its source accounts (absent: nulls), with the account's channels in
// order and the names of the customer's other accounts (the search words are made of every account's
// names): one statement, so one snapshot. After lockCustomer in the same transaction, it is sent right
// behind the lock and runs once the lock is had, so it sees what the lock's last holder committed.
const changeReadStatement = statementOf(sql`
  select c.version, c.status_label_id, s.name as status_label, c.loyalty_type, c.extended_fields,
    sa.id as account, sa.first_name, sa.last_name, sa.fields,
    coalesce((select jsonb_agg(jsonb_build_object('type', ch.type, 'value', ch.value, 'primary', ch.is_primary,
                'verified', ch.verified, 'subscribed', ch.subscribed, 'meta', ch.meta) order by ch.position, ch.id)
              from comm_channels ch where ch.org_id = sa.org_id and ch.source_account_id = sa.id), '[]'::jsonb) as channels,
    coalesce((select jsonb_agg(jsonb_build_array(o.first_name, o.last_name))
              from source_accounts o where o.org_id = c.org_id and o.customer_id = c.id and o.id <> sa.id),
             '[]'::jsonb) as other_names
  from customers c
  left join status_labels s on s.org_id = c.org_id and s.id = c.status_label_id
  left join source_accounts sa on sa.org_id = c.org_id and sa.customer_id = c.id
    and sa.source = ${param('source')} and sa.account_id = ${param('accountId')}
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
  entries: { action: HistoryAction; reason: string | null; changes: HistoryChange[] }[];
}

interface ChangeShape {
  statusLabel: boolean;
  loyaltyType: boolean;
  extendedFields: boolean;
  account: boolean;
  channels: boolean;
  searchWords: boolean;
  userContext: boolean;
}

const changeStatement = statementCache((shape: ChangeShape) => {
  const orgId = param('orgId');
  const customerId = param('customerId');
  const set = [sql`version = version + 1`];
  if (shape.statusLabel) set.push(sql`status_label_id = ${param('statusLabelId')}`);
  if (shape.loyaltyType) set.push(sql`loyalty_type = ${param('loyaltyType')}`);
  if (shape.extendedFields) set.push(sql`extended_fields = ${jsonParam('extendedFields')}`);
  // The row is updated (and locked) only if it still has the version the change was computed from; every
  // other part reads `c`, so it waits for that and writes nothing when the row had moved on.
  const parts = [
    sql`c as (update customers set ${sql.join(set, sql`, `)}
              where org_id = ${orgId} and id = ${customerId} and version = ${param('expectedVersion')} returning version)`,
  ];
  const ifWritten = sql`exists (select 1 from c)`;
  if (shape.account)
    parts.push(sql`a as (
      update source_accounts set first_name = ${param('firstName')}, last_name = ${param('lastName')}, fields = ${jsonParam('fields')}
      where org_id = ${orgId} and id = ${param('accountId')} and ${ifWritten})`);
  // The parts of one statement share its snapshot: the delete cannot see the rows the insert adds.
  if (shape.channels)
    parts.push(
      sql`dc as (delete from comm_channels
                 where org_id = ${orgId} and source_account_id = ${param('channelAccountId')} and ${ifWritten})`,
      sql`ic as (
        insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
        select ${orgId}, ${param('channelAccountId')}, x.position, x.type, x.value, x.is_primary, x.verified, x.subscribed, x.meta
        from c, jsonb_to_recordset(${jsonParam('channels')}) as x(position int, type text, value text, is_primary boolean,
          verified boolean, subscribed boolean, meta jsonb))`,
    );
  // Words the names no longer have go; new ones come; the ones kept are left alone.
  if (shape.searchWords)
    parts.push(
      sql`dw as (delete from customer_search_words where org_id = ${orgId} and customer_id = ${customerId} and ${ifWritten}
                 and word not in (select jsonb_array_elements_text(${jsonParam('searchWords')})))`,
      sql`iw as (insert into customer_search_words (org_id, customer_id, word)
                 select ${orgId}, ${customerId}, x from c, jsonb_array_elements_text(${jsonParam('searchWords')}) x
                 on conflict do nothing)`,
    );
  parts.push(sql`h as (
    insert into customer_history (org_id, customer_id, action, actor_type, actor_code, request_id, user_context, reason, changes)
    select ${orgId}, ${customerId}, x.action, ${param('actorType')}, ${param('actorCode')}, ${param('requestId')},
           ${shape.userContext ? jsonParam('userContext') : sql`null`}, x.reason, x.changes
    from c, jsonb_to_recordset(${jsonParam('entries')}) as x(position int, action text, reason text, changes jsonb)
    order by x.position)`);
  return sql`with ${sql.join(parts, sql`, `)} select version from c`;
});

/**
 * Writes a change of the customer in one statement: its row with the version one up, the account's names
 * and fields, its channels, the search words and the history entries. Returns the new version, or null
 * when the row no longer had `expectedVersion` (another change came first: nothing was written). Under
 * the caller's row lock the version cannot have moved.
 */
export async function writeCustomerChange(db: DbOrTx, key: CustomerKey, w: CustomerChange): Promise<number | null> {
  const shape: ChangeShape = {
    statusLabel: w.set.statusLabelId !== undefined,
    loyaltyType: w.set.loyaltyType !== undefined,
    extendedFields: w.set.extendedFields !== undefined,
    account: w.account !== undefined,
    channels: w.channels !== undefined,
    searchWords: w.searchWords !== undefined,
    userContext: w.context.userContext !== null,
  };
  const [row] = await execStatement<{ version: number }>(db, changeStatement(shape), {
    ...key,
    expectedVersion: w.expectedVersion,
    statusLabelId: w.set.statusLabelId,
    loyaltyType: w.set.loyaltyType,
    extendedFields: JSON.stringify(w.set.extendedFields),
    accountId: w.account?.id,
    firstName: w.account?.firstName,
    lastName: w.account?.lastName,
    fields: JSON.stringify(w.account?.fields),
    channelAccountId: w.channels?.sourceAccountId,
    channels: JSON.stringify(w.channels?.rows.map((c, position) => channelColumns({ ...c, position }))),
    searchWords: JSON.stringify(w.searchWords),
    actorType: w.context.actorType,
    actorCode: w.context.actorCode,
    requestId: w.context.requestId,
    userContext: JSON.stringify(w.context.userContext),
    entries: JSON.stringify(w.entries.map((e, position) => ({ position, ...e }))),
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
