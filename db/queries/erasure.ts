// The erasure of a customer's personal data (docs/api.md, "Requests", PII deletion): claimed by the
// worker when due (FOR UPDATE SKIP LOCKED), written in one transaction with the request's completion.
import { and, eq, sql } from 'drizzle-orm';
import { execRows, type DbOrTx } from '@/db/client';
import { customerHistory, customerRequests, webhookDeliveries, type HistoryChange } from '@/db/schema';
import type { RequestRow } from './requests';

/** The channel the worker's erasure task listens on. */
export const ERASURE_CHANNEL = 'customer_erasures';

export async function notifyErasure(db: DbOrTx): Promise<void> {
  await execRows(db, sql`select pg_notify(${ERASURE_CHANNEL}, '')`);
}

/**
 * One approved deletion whose time has come, locked; other workers skip it. The first due is found
 * without a lock (across orgs: on Citus a read of every shard), then locked with its org bound, so on
 * Citus the lock is taken on the org's shard (FOR UPDATE is refused across shards).
 */
export async function claimDueErasure(db: DbOrTx): Promise<RequestRow | null> {
  const due = (orgId?: number) =>
    and(
      orgId === undefined ? undefined : eq(customerRequests.orgId, orgId),
      eq(customerRequests.baseType, 'DELETE'),
      eq(customerRequests.status, 'APPROVED'),
      sql`${customerRequests.dueAt} <= now()`,
    );
  const [first] = await db
    .select({ orgId: customerRequests.orgId })
    .from(customerRequests)
    .where(due())
    .orderBy(customerRequests.dueAt)
    .limit(1);
  if (!first) return null;
  const [row] = await db
    .select()
    .from(customerRequests)
    .where(due(first.orgId))
    .orderBy(customerRequests.dueAt)
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/**
 * Deletes the customer's personal data: names, fields and extended fields emptied; identifiers, their
 * identity keys (free at once for new registrations), channels and search words deleted; the moves of
 * merges it took part in (they hold copies). Keeps the id, source accounts (without names), loyalty
 * enrolments, points and side effects.
 */
export async function erasePersonalData(db: DbOrTx, orgId: number, customerId: number): Promise<void> {
  await execRows(
    db,
    sql`with ids as (select i.type, i.value from source_accounts sa
                     join identifiers i on i.org_id = sa.org_id and i.source_account_id = sa.id
                     where sa.org_id = ${orgId} and sa.customer_id = ${customerId})
        delete from identity_keys k using ids
        where k.org_id = ${orgId} and k.type = ids.type and k.value = ids.value and k.customer_id = ${customerId}`,
  );
  await execRows(
    db,
    sql`delete from identifiers i using source_accounts sa
        where sa.org_id = ${orgId} and sa.customer_id = ${customerId} and i.org_id = sa.org_id and i.source_account_id = sa.id`,
  );
  await execRows(
    db,
    sql`delete from comm_channels ch using source_accounts sa
        where sa.org_id = ${orgId} and sa.customer_id = ${customerId} and ch.org_id = sa.org_id and ch.source_account_id = sa.id`,
  );
  await execRows(
    db,
    sql`update source_accounts set first_name = null, last_name = null, fields = '{}'
        where org_id = ${orgId} and customer_id = ${customerId}`,
  );
  await execRows(
    db,
    sql`update customers set extended_fields = '{}', lifecycle = 'DELETED', version = version + 1
        where org_id = ${orgId} and id = ${customerId}`,
  );
  await execRows(db, sql`delete from customer_search_words where org_id = ${orgId} and customer_id = ${customerId}`);
  await execRows(
    db,
    sql`delete from merge_moves m using customer_requests r
        where r.org_id = ${orgId} and (r.victim_id = ${customerId} or r.survivor_id = ${customerId})
          and m.org_id = r.org_id and m.request_id = r.id`,
  );
}

/** The customer's history entries, for redaction. */
export function historyOf(db: DbOrTx, orgId: number, customerId: number) {
  return db
    .select({ id: customerHistory.id, changes: customerHistory.changes })
    .from(customerHistory)
    .where(and(eq(customerHistory.orgId, orgId), eq(customerHistory.customerId, customerId)));
}

export async function setHistoryChanges(
  db: DbOrTx,
  k: { orgId: number; customerId: number; id: number; changes: HistoryChange[] },
): Promise<void> {
  await db
    .update(customerHistory)
    .set({ changes: k.changes })
    .where(
      and(
        eq(customerHistory.orgId, k.orgId),
        eq(customerHistory.customerId, k.customerId),
        eq(customerHistory.id, k.id),
      ),
    );
}

/** The outbox rows of the customer's events (their data repeats the history's values). */
export function deliveriesOf(db: DbOrTx, orgId: number, customerId: number) {
  return db
    .select({ id: webhookDeliveries.id, data: webhookDeliveries.data })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.customerId, customerId)));
}

export async function setDeliveryData(
  db: DbOrTx,
  k: { orgId: number; id: number; data: Record<string, unknown> },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ data: k.data })
    .where(and(eq(webhookDeliveries.orgId, k.orgId), eq(webhookDeliveries.id, k.id)));
}
