// Requests about customers (docs/api.md, "Requests"): the request rows, and the merge and its undoing.
// A merge changes rows of several tables under both customers' row locks; every row it changes is
// recorded as it was and as it became (`to_jsonb`), so an unmerge can check that each is still as the
// merge left it and put back what was there before, in reverse order, whatever the table.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { execRows, execStatement, insertSql, param, statementOf, type DbOrTx } from '@/db/client';
import {
  commChannels,
  customerRequests,
  customers,
  identifiers,
  identityKeys,
  loyaltyEnrollments,
  sideEffects,
  sourceAccounts,
} from '@/db/schema';
import type { CustomerLifecycle, RequestBaseType, RequestStatus } from '@/lib/vocabulary';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { HistoryContext } from './customer-care';
import { eventParts, insertHistory, type HistoryEntryRow } from './customer-writes';

export type RequestRow = typeof customerRequests.$inferSelect;
type JsonObject = Record<string, unknown>;

export async function insertRequest(
  db: DbOrTx,
  row: Omit<typeof customerRequests.$inferInsert, 'id'>,
): Promise<RequestRow> {
  const [created] = await db.insert(customerRequests).values(row).returning();
  return created!;
}

export async function readRequest(
  db: DbOrTx,
  key: { orgId: number; id: number },
  { lock = false } = {},
): Promise<RequestRow | null> {
  const q = db
    .select()
    .from(customerRequests)
    .where(and(eq(customerRequests.orgId, key.orgId), eq(customerRequests.id, key.id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateRequest(
  db: DbOrTx,
  key: { orgId: number; id: number },
  set: Partial<typeof customerRequests.$inferInsert>,
): Promise<RequestRow> {
  const [row] = await db
    .update(customerRequests)
    .set(set)
    .where(and(eq(customerRequests.orgId, key.orgId), eq(customerRequests.id, key.id)))
    .returning();
  return row!;
}

/** The org's requests, newest first. */
export function listRequests(
  db: DbOrTx,
  q: { orgId: number; status?: RequestStatus; baseType?: RequestBaseType; limit: number; customerId?: number },
) {
  return db
    .select()
    .from(customerRequests)
    .where(
      and(
        eq(customerRequests.orgId, q.orgId),
        q.status === undefined ? undefined : eq(customerRequests.status, q.status),
        q.baseType === undefined ? undefined : eq(customerRequests.baseType, q.baseType),
        q.customerId === undefined
          ? undefined
          : sql`(${customerRequests.victimId} = ${q.customerId} or ${customerRequests.survivorId} = ${q.customerId}
               or ${customerRequests.customerId} = ${q.customerId})`,
      ),
    )
    .orderBy(desc(customerRequests.id))
    .limit(q.limit);
}

/** The open requests (pending, approved, processing) naming either customer. */
export function openRequestsOf(db: DbOrTx, orgId: number, ids: number[]) {
  return db
    .select()
    .from(customerRequests)
    .where(
      and(
        eq(customerRequests.orgId, orgId),
        inArray(customerRequests.status, ['PENDING', 'APPROVED', 'PROCESSING']),
        sql`(${customerRequests.victimId} in ${ids} or ${customerRequests.survivorId} in ${ids}
             or ${customerRequests.customerId} in ${ids})`,
      ),
    );
}

export interface CustomerState {
  id: number;
  lifecycle: CustomerLifecycle;
  mergedInto: number | null;
  version: number;
  statusLabelId: number | null;
}

/**
 * Where the customers stand; with `lock`, their rows are locked one by one in id order, so two merges
 * of overlapping customers wait for each other instead of deadlocking.
 */
export async function customerStates(
  db: DbOrTx,
  orgId: number,
  ids: number[],
  { lock = false } = {},
): Promise<Map<number, CustomerState>> {
  const out = new Map<number, CustomerState>();
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const q = db
      .select({
        id: customers.id,
        lifecycle: customers.lifecycle,
        mergedInto: customers.mergedInto,
        version: customers.version,
        statusLabelId: customers.statusLabelId,
      })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), eq(customers.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (row) out.set(row.id, row);
  }
  return out;
}

/** The source accounts of the customers, with their identifiers and channels, as stored (`to_jsonb`). */
export async function readAccounts(db: DbOrTx, orgId: number, ids: number[]) {
  const idList = sql.join(
    ids.map((id) => sql`${id}::bigint`),
    sql`, `,
  );
  const [row] = await execRows<{ accounts: JsonObject[]; identifiers: JsonObject[]; channels: JsonObject[] }>(
    db,
    sql`select
      coalesce((select jsonb_agg(to_jsonb(sa) order by sa.id) from source_accounts sa
                where sa.org_id = ${orgId} and sa.customer_id in (${idList})), '[]') as accounts,
      coalesce((select jsonb_agg(to_jsonb(i) order by i.source_account_id, i.position) from source_accounts sa
                join identifiers i on i.org_id = sa.org_id and i.source_account_id = sa.id
                where sa.org_id = ${orgId} and sa.customer_id in (${idList})), '[]') as identifiers,
      coalesce((select jsonb_agg(to_jsonb(ch) order by ch.source_account_id, ch.position, ch.id) from source_accounts sa
                join comm_channels ch on ch.org_id = sa.org_id and ch.source_account_id = sa.id
                where sa.org_id = ${orgId} and sa.customer_id in (${idList})), '[]') as channels`,
  );
  return row!;
}

export async function readEnrollments(db: DbOrTx, orgId: number, ids: number[]): Promise<JsonObject[]> {
  const rows = await execRows<{ j: JsonObject }>(
    db,
    sql`select to_jsonb(e) j from loyalty_enrollments e
        where e.org_id = ${orgId} and e.customer_id in (${sql.join(
          ids.map((id) => sql`${id}::bigint`),
          sql`, `,
        )}) order by e.customer_id, e.program_id`,
  );
  return rows.map((r) => r.j);
}

/** One changed row: as it was (null: it did not exist) and as it became (null: deleted). */
export interface Move {
  table: string;
  before: JsonObject | null;
  after: JsonObject | null;
}

/** The tables a merge changes generically, with their primary keys' columns. */
const MOVABLE: Record<string, PgTable> = {
  customers,
  source_accounts: sourceAccounts,
  identifiers,
  identity_keys: identityKeys,
  comm_channels: commChannels,
  loyalty_enrollments: loyaltyEnrollments,
  side_effects: sideEffects,
};

function tableOf(name: string) {
  const table = MOVABLE[name];
  if (!table) throw new Error(`not a movable table: ${name}`);
  const config = getTableConfig(table);
  const pk = config.primaryKeys[0]!.columns.map((c) => c.name);
  const columns = config.columns.map((c) => ({ name: c.name, identity: c.generatedIdentity !== undefined }));
  return { name, pk, columns };
}

/** `t.a = (r).a and t.b = (r).b` over the primary key, `r` a record of the table. */
function pkMatch(t: ReturnType<typeof tableOf>, record: SQL): SQL {
  return sql.join(
    t.pk.map((c) => sql`t.${sql.raw(c)} = (${record}).${sql.raw(c)}`),
    sql` and `,
  );
}

/** The row `json` (a stored row) as a record of its table. */
const recordOf = (table: string, json: Record<string, unknown>): SQL =>
  sql`jsonb_populate_record(null::${sql.raw(table)}, ${JSON.stringify(json)}::text::jsonb)`;

/**
 * Runs an `update <table> t set … from <table> old where <match old> and t.pk = old.pk` and answers each
 * row's before and after. `where` is written against `old`.
 */
export async function updateRows(db: DbOrTx, table: string, set: SQL, where: SQL): Promise<Move[]> {
  const t = tableOf(table);
  const cols = t.columns.map((c) => c.name);
  // The rows come back as columns and become JSON in the statement's outer part: Citus refuses a
  // function that is not immutable (to_jsonb) in a RETURNING.
  const rows = await execRows<{ b: JsonObject; a: JsonObject }>(
    db,
    sql`with u as (
          update ${sql.raw(table)} t set ${set} from ${sql.raw(table)} old
          where ${where} and ${sql.raw(t.pk.map((c) => `t.${c} = old.${c}`).join(' and '))}
          returning ${sql.raw(cols.map((c) => `t.${c}, old.${c} as "old.${c}"`).join(', '))})
        select to_jsonb(b) b, to_jsonb(a) a from u
        cross join lateral (select ${sql.raw(cols.map((c) => `u."old.${c}" as ${c}`).join(', '))}) b
        cross join lateral (select ${sql.raw(cols.map((c) => `u.${c}`).join(', '))}) a`,
  );
  return rows.map((r) => ({ table, before: r.b, after: r.a }));
}

export async function deleteRows(db: DbOrTx, table: string, where: SQL): Promise<Move[]> {
  const rows = await execRows<{ b: JsonObject }>(
    db,
    sql`with d as (delete from ${sql.raw(table)} t where ${where} returning t.*) select to_jsonb(d) b from d`,
  );
  return rows.map((r) => ({ table, before: r.b, after: null }));
}

/** Inserts rows given as stored (`to_jsonb` shape), identity columns included. */
export async function insertRows(db: DbOrTx, table: string, rows: JsonObject[]): Promise<Move[]> {
  if (!rows.length) return [];
  const t = tableOf(table);
  const cols = t.columns.map((c) => c.name).join(', ');
  const out = await execRows<{ a: JsonObject }>(
    db,
    sql`with i as (
          insert into ${sql.raw(table)} as t (${sql.raw(cols)}) overriding system value
          select ${sql.raw(t.columns.map((c) => `r.${c.name}`).join(', '))}
          from jsonb_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::text::jsonb) r
          returning t.*)
        select to_jsonb(i) a from i`,
  );
  return out.map((r) => ({ table, before: null, after: r.a }));
}

export async function saveMoves(db: DbOrTx, orgId: number, requestId: number, moves: Move[]): Promise<void> {
  const CHUNK = 500;
  for (let start = 0; start < moves.length; start += CHUNK) {
    const part = moves.slice(start, start + CHUNK).map((m, i) => ({
      seq: start + i,
      t: m.table,
      b: m.before,
      a: m.after,
    }));
    await execRows(
      db,
      sql`insert into merge_moves (org_id, request_id, seq, table_name, before, after)
          select ${orgId}, ${requestId}, x.seq, x.t, x.b, x.a
          from jsonb_to_recordset(${JSON.stringify(part)}::text::jsonb) as x(seq integer, t text, b jsonb, a jsonb)`,
    );
  }
}

export interface StoredMove extends Move {
  seq: number;
  /** The row as it is now (null: absent), found by the primary key of `after` (or `before`). */
  now: JsonObject | null;
}

/** The moves of a merge, each with its row as it is now, in the order the merge wrote them. */
export async function readMoves(db: DbOrTx, orgId: number, requestId: number): Promise<StoredMove[]> {
  const names = (
    await execRows<{ t: string }>(
      db,
      sql`select distinct table_name t from merge_moves where org_id = ${orgId} and request_id = ${requestId}`,
    )
  ).map((r) => r.t);
  const out: StoredMove[] = [];
  for (const name of names) {
    const t = tableOf(name);
    const rows = await execRows<{ seq: number; b: JsonObject | null; a: JsonObject | null; now: JsonObject | null }>(
      db,
      sql`select m.seq, m.before b, m.after a,
            (select to_jsonb(t) from ${sql.raw(name)} t
             where t.org_id = ${orgId} and t.org_id = m.org_id
               and ${pkMatch(t, sql.raw(`jsonb_populate_record(null::${name}, coalesce(m.after, m.before))`))}) now
          from merge_moves m
          where m.org_id = ${orgId} and m.request_id = ${requestId} and m.table_name = ${name}`,
    );
    for (const r of rows) out.push({ seq: Number(r.seq), table: name, before: r.b, after: r.a, now: r.now });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** Puts back one move: the row found by `after`'s key becomes `before` (deleted when there was none). */
export async function undoMove(db: DbOrTx, m: Move): Promise<void> {
  const t = tableOf(m.table);
  // The org bound as a value (every movable table leads with it), so Citus routes the statement to its shard.
  const org = sql`t.org_id = ${Number((m.after ?? m.before)!.org_id)} and `;
  if (m.after && !m.before) {
    await execRows(
      db,
      sql`delete from ${sql.raw(m.table)} t
          where ${org}${pkMatch(t, recordOf(m.table, m.after))}`,
    );
  } else if (!m.after && m.before) {
    await insertRows(db, m.table, [m.before]);
  } else if (m.after && m.before) {
    // Not org_id: a row never changes org (and Citus refuses to set the distribution column).
    const settable = t.columns.filter((c) => !c.identity && c.name !== 'org_id').map((c) => c.name);
    await execRows(
      db,
      sql`update ${sql.raw(m.table)} t set (${sql.raw(settable.join(', '))}) =
            (select ${sql.raw(settable.map((c) => `b.${c}`).join(', '))}
             from jsonb_populate_record(null::${sql.raw(m.table)}, ${JSON.stringify(m.before)}::text::jsonb) b)
          where ${org}${pkMatch(t, recordOf(m.table, m.after))}`,
    );
  }
}

/** Moves the victim's history entries to the survivor, marked with where they came from; how many. */
export async function moveHistory(db: DbOrTx, orgId: number, victimId: number, survivorId: number): Promise<number> {
  // Counted in the statement: a victim's thousands of entries need not come back one by one.
  const [row] = await execRows<{ n: number }>(
    db,
    sql`with moved as (update customer_history set customer_id = ${survivorId}, moved_from = ${victimId}
                       where org_id = ${orgId} and customer_id = ${victimId} returning 1)
        select count(*)::int as n from moved`,
  );
  return row!.n;
}

/** Gives the victim back the history entries a merge moved to the survivor. */
export async function returnHistory(db: DbOrTx, orgId: number, victimId: number, survivorId: number): Promise<void> {
  await execRows(
    db,
    sql`update customer_history set customer_id = ${victimId}, moved_from = null
        where org_id = ${orgId} and customer_id = ${survivorId} and moved_from = ${victimId}`,
  );
}

/** Replaces the customer's search words with these. */
export async function replaceSearchWords(
  db: DbOrTx,
  orgId: number,
  customerId: number,
  words: string[],
): Promise<void> {
  await execRows(db, sql`delete from customer_search_words where org_id = ${orgId} and customer_id = ${customerId}`);
  if (words.length)
    await execRows(
      db,
      sql`insert into customer_search_words (org_id, customer_id, word)
          select ${orgId}, ${customerId}, w from jsonb_array_elements_text(${JSON.stringify(words)}::text::jsonb) w
          on conflict do nothing`,
    );
}

/** One version up, for a customer whose parts changed outside its own statements (a merge, an unmerge). */
export async function bumpVersion(db: DbOrTx, orgId: number, customerId: number): Promise<void> {
  await db
    .update(customers)
    .set({ version: sql`${customers.version} + 1` })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
}

/**
 * History entries of one customer and their events (the outbox), one statement: what a merge, an
 * unmerge, a decision or an erasure writes for each customer it concerns.
 */
export const historyStatement = statementOf(sql`with
one as (select 1),
h as (${insertSql(insertHistory({ customerId: param('customerId'), from: sql`one` }))}),
${sql.join(eventParts(), sql`,\n`)}
select count(*)::int as n from h`);

export async function writeHistory(
  db: DbOrTx,
  key: { orgId: number; customerId: number },
  context: HistoryContext,
  entries: Omit<HistoryEntryRow, 'position'>[],
): Promise<void> {
  await execStatement(db, historyStatement, {
    ...key,
    actorType: context.actorType,
    actorCode: context.actorCode,
    requestId: context.requestId,
    userContext: context.userContext && JSON.stringify(context.userContext),
    history: JSON.stringify(entries.map((e, position) => ({ ...e, position }))),
  });
}

/** Sets where the customer stands (a deletion approved or cancelled), one version up. */
export async function setCustomerLifecycle(
  db: DbOrTx,
  k: { orgId: number; customerId: number; lifecycle: CustomerLifecycle },
): Promise<void> {
  await db
    .update(customers)
    .set({ lifecycle: k.lifecycle, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.orgId, k.orgId), eq(customers.id, k.customerId)));
}
