// The merge of two customers and its undoing (docs/api.md, "Requests"). Runs inside the caller's
// transaction, under both customers' row locks (taken in id order by `lockPair`): every row of the
// victim moves to the survivor, and every row changed is recorded (db/queries/requests.ts, merge_moves)
// so that an unmerge puts back exactly what moved, or refuses (9081) when something changed since.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { HistoryContext } from '@/db/queries/customer-care';
import {
  bumpVersion,
  customerStates,
  deleteRows,
  insertRows,
  moveHistory,
  openRequestsOf,
  readAccounts,
  readEnrollments,
  readMoves,
  replaceSearchWords,
  returnHistory,
  saveMoves,
  undoMove,
  updateRows,
  writeHistory,
  type CustomerState,
  type Move,
} from '@/db/queries/requests';
import type { HistoryChange } from '@/db/schema';
import { profileKey } from '@/lib/customers/history';
import { searchWords } from '@/lib/customers/search-text';
import { ApiError, errorItem, type ApiErrorItem } from '@/lib/errors';

type Row = Record<string, unknown>;

/** Identifier types a source account holds one value of: two different ones block a merge (9031). */
const SINGLE_VALUED = ['mobile', 'email', 'externalId'] as const;

/** How long a merge can be undone. */
export const UNMERGE_DAYS = 30;

export interface MergePair {
  orgId: number;
  victimId: number;
  survivorId: number;
}

/** Both customers' rows, locked in id order (two merges of overlapping customers never deadlock). */
export function lockPair(tx: DbOrTx, p: MergePair): Promise<Map<number, CustomerState>> {
  return customerStates(tx, p.orgId, [p.victimId, p.survivorId], { lock: true });
}

const accountKey = (a: Row) => `${String(a.source)}\u0000${String(a.account_id)}`;
const nonEmpty = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * Everything that stops the merge, all at once: the same customer (9029), a customer merged (9027, 9023),
 * pending or done deletion (8109), open requests (9018, 9026), and every single-valued identifier type
 * both hold different values of in the same source account (9031). An unknown customer is 9042 at once.
 */
export async function mergeBlockers(
  db: DbOrTx,
  p: MergePair,
  states: Map<number, CustomerState>,
  { ignoreRequestId }: { ignoreRequestId?: number } = {},
): Promise<ApiErrorItem[]> {
  if (p.victimId === p.survivorId) return [errorItem(9029, undefined, 'survivorId')];
  const victim = states.get(p.victimId);
  const survivor = states.get(p.survivorId);
  if (!victim) throw ApiError.of(9042, { id: p.victimId }, { field: 'victimId' });
  if (!survivor) throw ApiError.of(9042, { id: p.survivorId }, { field: 'survivorId' });
  const out: ApiErrorItem[] = [];
  if (victim.lifecycle === 'MERGED') out.push(errorItem(9027, { id: p.victimId }, 'victimId'));
  if (survivor.lifecycle === 'MERGED') out.push(errorItem(9023, { id: p.survivorId }, 'survivorId'));
  for (const [c, field] of [
    [victim, 'victimId'],
    [survivor, 'survivorId'],
  ] as const)
    if (c.lifecycle === 'PENDING_DELETION' || c.lifecycle === 'DELETED') out.push(errorItem(8109, undefined, field));

  const open = (await openRequestsOf(db, p.orgId, [p.victimId, p.survivorId])).filter((r) => r.id !== ignoreRequestId);
  if (open.some((r) => r.baseType === 'MERGE' && r.victimId === p.victimId))
    out.push(errorItem(9018, { id: p.victimId }, 'victimId'));
  if (open.some((r) => r.baseType === 'MERGE' && r.victimId === p.survivorId))
    out.push(errorItem(9026, { id: p.survivorId }, 'survivorId'));
  for (const [id, field] of [
    [p.victimId, 'victimId'],
    [p.survivorId, 'survivorId'],
  ] as const)
    if (
      open.some((r) => r.baseType === 'DELETE' && r.customerId === id) &&
      !out.some((e) => e.code === 8109 && e.field === field)
    )
      out.push(errorItem(8109, undefined, field));

  if (victim.lifecycle === 'ACTIVE' && survivor.lifecycle === 'ACTIVE') out.push(...(await identifierBlockers(db, p)));
  return out;
}

async function identifierBlockers(db: DbOrTx, p: MergePair): Promise<ApiErrorItem[]> {
  const { accounts, identifiers } = await readAccounts(db, p.orgId, [p.victimId, p.survivorId]);
  const out: ApiErrorItem[] = [];
  const survivorAccounts = new Map(
    accounts.filter((a) => a.customer_id === p.survivorId).map((a) => [accountKey(a), a]),
  );
  for (const va of accounts.filter((a) => a.customer_id === p.victimId)) {
    const sa = survivorAccounts.get(accountKey(va));
    if (!sa) continue;
    for (const type of SINGLE_VALUED) {
      const v = identifiers.filter((i) => i.source_account_id === va.id && i.type === type).map((i) => i.value);
      const s = identifiers.filter((i) => i.source_account_id === sa.id && i.type === type).map((i) => i.value);
      if (v.length && s.length && v.some((x) => !s.includes(x)))
        out.push(
          errorItem(9031, {
            type,
            source: profileKey({ source: String(va.source), accountId: String(va.account_id) }),
          }),
        );
    }
  }
  return out;
}

export interface MergeOutcome {
  moves: Move[];
  /** What moved, as the survivor's `customer.merged` history entry records it. */
  survivorChanges: HistoryChange[];
  /** The victim's history entries now the survivor's. */
  historyMoved: number;
}

/**
 * Moves everything of the victim to the survivor (the caller holds both locks and found no blocker),
 * records every moved row under `requestId` (none recorded without one: a preview), and writes both
 * customers' `customer.merged` history entries and their events.
 */
export async function mergeCustomers(
  tx: DbOrTx,
  p: MergePair,
  requestId: number | null,
  context: HistoryContext,
  reason: string | null,
): Promise<MergeOutcome> {
  const { orgId, victimId: V, survivorId: S } = p;
  const moves: Move[] = [];
  const changes: HistoryChange[] = [{ path: 'mergedFrom', before: null, after: V }];
  const { accounts, identifiers, channels } = await readAccounts(tx, orgId, [V, S]);
  const survivorAccounts = new Map(accounts.filter((a) => a.customer_id === S).map((a) => [accountKey(a), a]));

  for (const va of accounts.filter((a) => a.customer_id === V)) {
    const key = profileKey({ source: String(va.source), accountId: String(va.account_id) });
    const own = identifiers.filter((i) => i.source_account_id === va.id);
    const sa = survivorAccounts.get(accountKey(va));
    if (!sa) {
      // A source account the survivor lacks: it moves whole, with its identifiers and channels.
      moves.push(
        ...(await updateRows(
          tx,
          'source_accounts',
          sql`customer_id = ${S}`,
          sql`old.org_id = ${orgId} and old.id = ${va.id}`,
        )),
        ...(await updateRows(
          tx,
          'identifiers',
          sql`customer_id = ${S}`,
          sql`old.org_id = ${orgId} and old.source_account_id = ${va.id}`,
        )),
      );
      changes.push({ path: `profiles.${key}`, before: null, after: { from: V } });
      for (const i of own) changes.push({ path: `identifiers.${key}.${String(i.type)}`, before: null, after: i.value });
      continue;
    }
    // The same source account on both: the victim's identifiers and channels join the survivor's account,
    // the survivor's non-empty names and fields win, and the victim's account goes.
    const held = identifiers.filter((i) => i.source_account_id === sa.id);
    const heldKeys = new Set(held.map((i) => `${String(i.type)}\u0000${String(i.value)}`));
    moves.push(...(await deleteRows(tx, 'identifiers', sql`t.org_id = ${orgId} and t.source_account_id = ${va.id}`)));
    let position = Math.max(-1, ...held.map((i) => Number(i.position))) + 1;
    const joining = own
      .filter((i) => !heldKeys.has(`${String(i.type)}\u0000${String(i.value)}`))
      .map((i): Row => ({ ...i, source_account_id: sa.id, customer_id: S, position: position++ }));
    moves.push(...(await insertRows(tx, 'identifiers', joining)));
    for (const i of joining)
      changes.push({ path: `identifiers.${key}.${String(i.type)}`, before: null, after: i.value });

    const channelBase = Math.max(
      -1,
      ...channels.filter((c) => c.source_account_id === sa.id).map((c) => Number(c.position)),
    );
    moves.push(
      ...(await updateRows(
        tx,
        'comm_channels',
        sql`source_account_id = ${sa.id}, position = old.position + ${channelBase + 1}`,
        sql`old.org_id = ${orgId} and old.source_account_id = ${va.id}`,
      )),
    );
    const firstName = nonEmpty(sa.first_name) ? sa.first_name : va.first_name;
    const lastName = nonEmpty(sa.last_name) ? sa.last_name : va.last_name;
    const saFields = (sa.fields ?? {}) as Row;
    const fields = {
      ...(va.fields as Row),
      ...Object.fromEntries(Object.entries(saFields).filter(([, v]) => nonEmpty(v))),
    };
    if (
      firstName !== sa.first_name ||
      lastName !== sa.last_name ||
      JSON.stringify(fields) !== JSON.stringify(saFields)
    ) {
      moves.push(
        ...(await updateRows(
          tx,
          'source_accounts',
          sql`first_name = ${firstName}, last_name = ${lastName}, fields = ${JSON.stringify(fields)}::text::jsonb`,
          sql`old.org_id = ${orgId} and old.id = ${sa.id}`,
        )),
      );
      if (firstName !== sa.first_name)
        changes.push({ path: `profiles.${key}.firstName`, before: sa.first_name ?? null, after: firstName });
      if (lastName !== sa.last_name)
        changes.push({ path: `profiles.${key}.lastName`, before: sa.last_name ?? null, after: lastName });
    }
    moves.push(...(await deleteRows(tx, 'source_accounts', sql`t.org_id = ${orgId} and t.id = ${va.id}`)));
  }

  // The unique identifiers' keys: the victim's values now find the survivor.
  moves.push(
    ...(await updateRows(
      tx,
      'identity_keys',
      sql`customer_id = ${S}`,
      sql`old.org_id = ${orgId} and old.customer_id = ${V}
          and (old.type, old.value) in (select i.type, i.value from source_accounts sa
                                        join identifiers i on i.org_id = sa.org_id and i.source_account_id = sa.id
                                        where sa.org_id = ${orgId} and sa.customer_id = ${S})`,
    )),
  );

  // Loyalty: an enrolment the survivor lacks moves; points of one both have are added up.
  const enrollments = await readEnrollments(tx, orgId, [V, S]);
  for (const ve of enrollments.filter((e) => e.customer_id === V)) {
    const se = enrollments.find((e) => e.customer_id === S && e.program_id === ve.program_id);
    if (!se) {
      moves.push(
        ...(await updateRows(
          tx,
          'loyalty_enrollments',
          sql`customer_id = ${S}`,
          sql`old.org_id = ${orgId} and old.customer_id = ${V} and old.program_id = ${ve.program_id}`,
        )),
      );
      changes.push({ path: `loyalty.${String(ve.program_id)}`, before: null, after: { points: ve.points } });
      continue;
    }
    moves.push(
      ...(await updateRows(
        tx,
        'loyalty_enrollments',
        sql`points = old.points + ${String(ve.points)}::numeric`,
        sql`old.org_id = ${orgId} and old.customer_id = ${S} and old.program_id = ${se.program_id}`,
      )),
      ...(await deleteRows(
        tx,
        'loyalty_enrollments',
        sql`t.org_id = ${orgId} and t.customer_id = ${V} and t.program_id = ${ve.program_id}`,
      )),
    );
    changes.push({
      path: `loyalty.${String(ve.program_id)}.points`,
      before: se.points,
      after: Number(se.points) + Number(ve.points),
    });
  }

  moves.push(
    ...(await updateRows(
      tx,
      'side_effects',
      sql`customer_id = case when old.customer_id = ${V} then ${S} else old.customer_id end,
          beneficiary_customer_id = case when old.beneficiary_customer_id = ${V} then ${S} else old.beneficiary_customer_id end`,
      sql`old.org_id = ${orgId} and (old.customer_id = ${V} or old.beneficiary_customer_id = ${V})`,
    )),
  );

  const historyMoved = await moveHistory(tx, orgId, V, S);
  await refreshSearchWords(tx, orgId, [V, S]);
  moves.push(
    ...(await updateRows(
      tx,
      'customers',
      sql`lifecycle = 'MERGED', merged_into = ${S}, version = old.version + 1`,
      sql`old.org_id = ${orgId} and old.id = ${V}`,
    )),
  );
  await bumpVersion(tx, orgId, S);
  if (requestId !== null) await saveMoves(tx, orgId, requestId, moves);
  await writeHistory(tx, { orgId, customerId: S }, context, [{ action: 'customer.merged', reason, changes }]);
  await writeHistory(tx, { orgId, customerId: V }, context, [
    { action: 'customer.merged', reason, changes: [{ path: 'mergedInto', before: null, after: S }] },
  ]);
  return { moves, survivorChanges: changes, historyMoved };
}

/** Each customer's search words made again from its source accounts' names. */
async function refreshSearchWords(tx: DbOrTx, orgId: number, ids: number[]): Promise<void> {
  const { accounts } = await readAccounts(tx, orgId, ids);
  for (const id of ids)
    await replaceSearchWords(
      tx,
      orgId,
      id,
      searchWords(
        ...accounts
          .filter((a) => a.customer_id === id)
          .flatMap((a) => [a.first_name as string | null, a.last_name as string | null]),
      ),
    );
}

/** What a row of a move is called in a refusal (9081). */
function describe(m: { table: string; before: Row | null; after: Row | null }): string {
  const r = (m.after ?? m.before)!;
  switch (m.table) {
    case 'identifiers':
    case 'identity_keys':
      return `identifier ${String(r.type)} ${String(r.value)}`;
    case 'source_accounts':
      return `source account ${profileKey({ source: String(r.source), accountId: String(r.account_id) })}`;
    case 'comm_channels':
      return `channel ${String(r.type)} ${String(r.value)}`;
    case 'loyalty_enrollments':
      return `loyalty enrolment in program ${String(r.program_id)}`;
    case 'side_effects':
      return `side effect ${String(r.id)}`;
    default:
      return `customer ${String(r.id)}`;
  }
}

/**
 * Undoes a merge (the caller holds both locks): refuses with 9081 when a row the merge wrote is no
 * longer as it left it, else puts back every row in reverse order, gives the victim its history back,
 * and writes both customers' `customer.unmerged` entries and events.
 */
export async function unmergeCustomers(
  tx: DbOrTx,
  p: MergePair,
  requestId: number,
  context: HistoryContext,
): Promise<void> {
  const { orgId, victimId: V, survivorId: S } = p;
  const moves = await readMoves(tx, orgId, requestId);
  const changed = moves.filter((m) => JSON.stringify(canonical(m.now)) !== JSON.stringify(canonical(m.after)));
  if (changed.length)
    throw new ApiError(
      changed.slice(0, 20).map((m) => errorItem(9081, { what: describe(m) })),
      { http: 409 },
    );
  for (const m of [...moves].reverse()) await undoMove(tx, m);
  await returnHistory(tx, orgId, V, S);
  await refreshSearchWords(tx, orgId, [V, S]);
  // The victim's row is back as it was before the merge; its version goes on past the merge's.
  const victimMove = moves.find((m) => m.table === 'customers');
  const mergedVersion = Number(victimMove?.after?.version ?? 0);
  await tx.execute(
    sql`update customers set version = greatest(version, ${mergedVersion}) + 1 where org_id = ${orgId} and id = ${V}`,
  );
  await bumpVersion(tx, orgId, S);
  const reason = `request ${requestId}`;
  await writeHistory(tx, { orgId, customerId: S }, context, [
    { action: 'customer.unmerged', reason, changes: [{ path: 'mergedFrom', before: V, after: null }] },
  ]);
  await writeHistory(tx, { orgId, customerId: V }, context, [
    { action: 'customer.unmerged', reason, changes: [{ path: 'mergedInto', before: S, after: null }] },
  ]);
}

/** Objects with their keys sorted, for comparing rows read at different times. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Row)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v ?? null;
}
