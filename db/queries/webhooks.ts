// The webhooks of an org and their outbox (webhook_deliveries): management, the delivery log, and the
// worker's claim and record of each attempt. The events themselves are written by the statements of
// the changes they report (customer-writes.ts, eventParts).
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { execStatement, jsonParam, param, statementOf, type DbOrTx } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import type { DeliveryStatus, WebhookEvent } from '@/lib/vocabulary';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface WebhookValues {
  name: string;
  url: string;
  eventNames: WebhookEvent[];
  headers: Record<string, string>;
  active: boolean;
}

export async function insertWebhook(
  db: DbOrTx,
  orgId: number,
  values: WebhookValues & { secretCiphertext: string },
): Promise<WebhookRow> {
  const [row] = await db
    .insert(webhooks)
    .values({ orgId, ...values })
    .returning();
  return row!;
}

export function listWebhooks(db: DbOrTx, orgId: number): Promise<WebhookRow[]> {
  return db.select().from(webhooks).where(eq(webhooks.orgId, orgId)).orderBy(webhooks.id);
}

/** The status of each webhook's newest delivery (the Webhooks page's "Last delivery"). */
export async function lastDeliveryStatuses(db: DbOrTx, orgId: number): Promise<Map<number, DeliveryStatus>> {
  const rows = await db
    .selectDistinctOn([webhookDeliveries.webhookId], {
      webhookId: webhookDeliveries.webhookId,
      status: webhookDeliveries.status,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orgId, orgId))
    .orderBy(webhookDeliveries.webhookId, desc(webhookDeliveries.id));
  return new Map(rows.map((r) => [r.webhookId, r.status]));
}

/** The org's webhook; `lock` holds its row until the transaction ends (a decision's before → after). */
export async function findWebhook(
  db: DbOrTx,
  orgId: number,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<WebhookRow | null> {
  const q = db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** One delivery of the org's webhook, locked until the transaction ends; null when there is none. */
export async function findDelivery(
  db: DbOrTx,
  k: { orgId: number; webhookId: number; deliveryId: number },
): Promise<DeliveryRow | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, k.orgId),
        eq(webhookDeliveries.webhookId, k.webhookId),
        eq(webhookDeliveries.id, k.deliveryId),
      ),
    )
    .for('update');
  return row ?? null;
}

/** Replaces the webhook's settings (its secret stays); null when the org has no such webhook. */
export async function updateWebhook(
  db: DbOrTx,
  orgId: number,
  id: number,
  values: WebhookValues,
): Promise<WebhookRow | null> {
  const [row] = await db
    .update(webhooks)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)))
    .returning();
  return row ?? null;
}

/** Deletes the webhook and its deliveries; false when the org has no such webhook. */
export async function deleteWebhook(db: DbOrTx, orgId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(webhooks)
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** The webhook's deliveries, newest first. */
export function listDeliveries(
  db: DbOrTx,
  q: { orgId: number; webhookId: number; status?: DeliveryStatus; limit: number },
): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, q.orgId),
        eq(webhookDeliveries.webhookId, q.webhookId),
        q.status ? eq(webhookDeliveries.status, q.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(q.limit);
}

/** "Send again": the delivery is due now, with 3 more days of retries; null when there is no such delivery. */
export async function redeliver(
  db: DbOrTx,
  k: { orgId: number; webhookId: number; deliveryId: number },
): Promise<DeliveryRow | null> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: 'pending',
      nextAttemptAt: sql`now()`,
      retryingSince: sql`now()`,
      leaseUntil: null,
      deliveredAt: null,
    })
    .where(
      and(
        eq(webhookDeliveries.orgId, k.orgId),
        eq(webhookDeliveries.webhookId, k.webhookId),
        eq(webhookDeliveries.id, k.deliveryId),
      ),
    )
    .returning();
  // Wakes the worker (the outbox's trigger wakes it on inserts only).
  if (row) await db.execute(sql`select pg_notify('webhook_deliveries', '')`);
  return row ?? null;
}

/** A delivery a worker claimed: the event, its attempt number and where it goes. */
export interface ClaimedDelivery {
  orgId: number;
  id: number;
  webhookId: number;
  customerId: number;
  eventId: string;
  eventName: WebhookEvent;
  requestId: string;
  data: Record<string, unknown>;
  /** When the event was written, in ms since the epoch. */
  createdAtMs: number;
  /** When retries began (written or sent again), in ms since the epoch. */
  retryingSinceMs: number;
  /** This attempt's number, from 1. */
  attempt: number;
  url: string;
  headers: Record<string, string>;
  secretCiphertext: string;
}

interface ClaimRow {
  org_id: number;
  id: string | number;
  webhook_id: number;
  customer_id: string | number;
  event_id: string;
  event_name: WebhookEvent;
  request_id: string;
  data: Record<string, unknown> | string;
  created_ms: string | number;
  retrying_ms: string | number;
  attempts: number;
  url: string;
  headers: Record<string, string> | string;
  secret_ciphertext: string;
}

const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The key of a webhook in `claimDeliveries`' count of deliveries in flight. */
export const webhookKey = (d: { orgId: number; webhookId: number }) => `${d.orgId}:${d.webhookId}`;

/**
 * Epoch milliseconds as `extract(epoch from t - EPOCH)`: an interval's extract is immutable where a
 * timestamptz's is not (it depends on the time zone), and Citus refuses a function that is not
 * immutable in RETURNING.
 */
const EPOCH = sql`'epoch'::timestamptz`;

const DUE = sql`d.status = 'pending' and d.next_attempt_at <= now() and (d.lease_until is null or d.lease_until <= now())`;

/**
 * The orgs with due deliveries, the one with the oldest first: the worker's only statement across
 * orgs (on Citus it reads every shard; each claim after it reads one). For each org with an active
 * webhook (a few rows of `webhooks`), its first due delivery of an active webhook is one probe of the
 * org's due index (webhook_deliveries_org_due_idx, in order, stopping at the first), so its cost grows
 * with the orgs, not with the backlog. The outbox keeps no index across orgs for it: every event's
 * insert and every outcome would pay for one more.
 */
export const dueOrgsStatement = statementOf(sql`
  select o.org_id from (select distinct org_id from webhooks where active) o
  cross join lateral (
    select d.next_attempt_at from webhook_deliveries d
    where d.org_id = o.org_id and ${DUE}
      and exists (select 1 from webhooks w where w.org_id = d.org_id and w.id = d.webhook_id and w.active)
    order by d.next_attempt_at limit 1) first
  order by first.next_attempt_at limit ${param('limit')}`);

const busy = (o: SQL, w: SQL) => sql`coalesce((${jsonParam('inFlight')} ->> (${o} || ':' || ${w}))::int, 0)`;

/**
 * The claim of one org's deliveries, rendered once (prepared on postgres.js). The org is bound in every
 * part, so Citus runs it on the org's shard (FOR UPDATE is refused across shards). Its plan must not
 * depend on statistics: the worker prepares it on a new, empty outbox and keeps that plan while the
 * backlog grows (autovacuum may not have run). So the pending rows are read in the due index's order
 * and the scan stops at the limit (no sort of every pending row), and "no earlier pending event of the
 * customer" is a probe of the customer index per row read: `offset 0` keeps it a subplan, which
 * PostgreSQL would otherwise turn into an anti join and, planned on an empty table, run as a scan of
 * every pending row for each row (seen: 2–8 s a claim at 19,000 pending, the drain falling to 40
 * deliveries/s). `tests/integration/foreign-key-plans.test.ts` plans it on a new database.
 */
export const claimStatement = statementOf(sql`
    with candidates as (
      select d.org_id, d.id, d.webhook_id, d.next_attempt_at from webhook_deliveries d
      join webhooks w on w.org_id = ${param('orgId')} and w.org_id = d.org_id and w.id = d.webhook_id and w.active
      where d.org_id = ${param('orgId')} and ${DUE}
        and not exists (select 1 from webhook_deliveries p
                        where p.org_id = ${param('orgId')} and p.org_id = d.org_id and p.customer_id = d.customer_id
                          and p.webhook_id = d.webhook_id and p.status = 'pending' and p.id < d.id
                        offset 0)
        and ${busy(sql`d.org_id`, sql`d.webhook_id`)} < ${param('perWebhook')}
      order by d.next_attempt_at
      limit ${param('limit')}
      for update of d skip locked),
    due as (
      select org_id, id from (
        select c.org_id, c.id, c.webhook_id,
          row_number() over (partition by c.webhook_id order by c.next_attempt_at, c.id) as n
        from candidates c) r
      where r.n <= ${param('perWebhook')} - ${busy(sql`r.org_id`, sql`r.webhook_id`)})
    update webhook_deliveries d
    set lease_until = now() + make_interval(secs => ${param('leaseSeconds')}), attempts = d.attempts + 1
    from due, webhooks w
    where d.org_id = ${param('orgId')} and d.org_id = due.org_id and d.id = due.id
      and w.org_id = ${param('orgId')} and w.org_id = d.org_id and w.id = d.webhook_id
    returning d.org_id, d.id, d.webhook_id, d.customer_id, d.event_id, d.event_name, d.request_id, d.data,
      extract(epoch from d.created_at - ${EPOCH}) * 1000 as created_ms,
      extract(epoch from d.retrying_since - ${EPOCH}) * 1000 as retrying_ms,
      d.attempts, w.url, w.headers, w.secret_ciphertext`);

/**
 * Claims up to `limit` due deliveries for `leaseMs`: each is the oldest pending one of its customer
 * for its webhook (a customer's next event waits for the one before it), its webhook active, and no
 * webhook gets more than `perWebhook` in flight counting the caller's (`inFlight`, by webhookKey), so
 * one slow receiver cannot take every slot. Rows another worker is claiming are skipped (FOR UPDATE
 * SKIP LOCKED), and a claimed row is leased, so no two workers send the same attempt; a worker that
 * dies leaves its lease to run out, and the delivery is due again (at least once).
 * One claim per org with due deliveries (dueOrgsStatement), oldest first, until `limit` are claimed.
 */
export async function claimDeliveries(
  db: DbOrTx,
  limit: number,
  leaseMs: number,
  cap: { perWebhook: number; inFlight: Record<string, number> } = { perWebhook: limit, inFlight: {} },
): Promise<ClaimedDelivery[]> {
  return claimOfOrgs(db, await dueOrgIds(db, limit), limit, leaseMs, cap);
}

/** The orgs with due deliveries (dueOrgsStatement), the one with the oldest first. */
export async function dueOrgIds(db: DbOrTx, limit: number): Promise<number[]> {
  const rows = await execStatement<{ org_id: number }>(db, dueOrgsStatement, { limit });
  return rows.map((r) => Number(r.org_id));
}

/** claimDeliveries of the orgs given, in their order, until `limit` are claimed. */
export async function claimOfOrgs(
  db: DbOrTx,
  orgs: number[],
  limit: number,
  leaseMs: number,
  cap: { perWebhook: number; inFlight: Record<string, number> } = { perWebhook: limit, inFlight: {} },
): Promise<ClaimedDelivery[]> {
  const claimed: ClaimedDelivery[] = [];
  for (const orgId of orgs) {
    if (claimed.length >= limit) break;
    claimed.push(...(await claimOfOrg(db, orgId, limit - claimed.length, leaseMs, cap)));
  }
  return claimed;
}

async function claimOfOrg(
  db: DbOrTx,
  orgId: number,
  limit: number,
  leaseMs: number,
  cap: { perWebhook: number; inFlight: Record<string, number> },
): Promise<ClaimedDelivery[]> {
  const rows = await execStatement<ClaimRow>(db, claimStatement, {
    orgId,
    inFlight: JSON.stringify(cap.inFlight),
    perWebhook: cap.perWebhook,
    limit,
    leaseSeconds: leaseMs / 1000,
  });
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    id: Number(r.id),
    webhookId: Number(r.webhook_id),
    customerId: Number(r.customer_id),
    eventId: r.event_id,
    eventName: r.event_name,
    requestId: r.request_id,
    data: parsed(r.data),
    createdAtMs: Math.round(Number(r.created_ms)),
    retryingSinceMs: Math.round(Number(r.retrying_ms)),
    attempt: Number(r.attempts),
    url: r.url,
    headers: parsed(r.headers),
    secretCiphertext: r.secret_ciphertext,
  }));
}

/** What one attempt came to: delivered, to be tried again at a time, or given up. */
export type AttemptOutcome = { lastStatus: number | null; lastError: string | null } & (
  { kind: 'delivered' } | { kind: 'retry'; inMs: number } | { kind: 'failed' }
);

/**
 * Makes the statement's own transaction commit without waiting for its WAL to reach the disk (`SET
 * LOCAL synchronous_commit = off`, set by the statement itself: no extra round trip). For the
 * worker's bookkeeping, whose loss in a crash of the database only repeats work: an outcome or a
 * customer not recorded leaves the delivery leased and pending, and it is sent again when the lease
 * runs out (at least once). Registrations and the events they write wait for the disk as before; so
 * does the claim (its lease keeps two workers off one attempt). Each delivery's record waiting for a
 * disk flush held a pooled connection the registrations also wait for.
 */
const asyncCommit = sql`(select set_config('synchronous_commit', 'off', true)) as async_commit`;

/** One attempt's outcome for `recordAttempts`: the delivery (at that attempt) and what it came to. */
export interface AttemptRecord {
  d: { orgId: number; webhookId: number; id: number; attempt: number };
  outcome: AttemptOutcome;
}

/**
 * Records the outcomes of attempts of one org's deliveries and ends their leases, in one statement:
 * each row only if it is still at that attempt (a worker whose lease ran out while it sent must not
 * overwrite the next attempt's record). The worker collects the attempts that end close together
 * (lib/webhooks/task.ts): one statement for many instead of one each.
 */
export const recordAttemptsStatement = statementOf(sql`
    update webhook_deliveries d set status = v.status, lease_until = null,
      last_status = v.last_status, last_error = v.last_error,
      next_attempt_at = v.next_attempt_at, delivered_at = v.delivered_at
    from ${asyncCommit},
      -- The times are made here, not in SET: Citus refuses a STABLE function (timestamptz + interval)
      -- of a column in an UPDATE's SET.
      (select o.*, now() + make_interval(secs => o.in_seconds) as next_attempt_at,
          case when o.status = 'delivered' then now() end as delivered_at
        from jsonb_to_recordset(${jsonParam('outcomes')}) as o(webhook_id integer, id bigint, attempt integer,
          status text, last_status integer, last_error text, in_seconds double precision)) v
    where d.org_id = ${param('orgId')} and d.id = any(${param('ids')}::bigint[])
      and d.webhook_id = v.webhook_id and d.id = v.id and d.attempts = v.attempt`);

export async function recordAttempts(db: DbOrTx, orgId: number, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const outcomes = records.map(({ d, outcome: o }) => ({
    webhook_id: d.webhookId,
    id: d.id,
    attempt: d.attempt,
    status: (o.kind === 'retry' ? 'pending' : o.kind) satisfies DeliveryStatus,
    last_status: o.lastStatus,
    last_error: o.lastError,
    in_seconds: o.kind === 'retry' ? o.inMs / 1000 : 0,
  }));
  await execStatement(
    db,
    recordAttemptsStatement,
    {
      orgId,
      // The rows by their ids (an index probe each, whatever the plan thinks of the JSON's rows), then
      // matched to their outcomes.
      ids: `{${outcomes.map((o) => o.id).join(',')}}`,
      outcomes: JSON.stringify(outcomes),
    },
    { planEach: true },
  );
}

/** recordAttempts of one attempt. */
export function recordAttempt(
  db: DbOrTx,
  d: { orgId: number; webhookId: number; id: number; attempt: number },
  outcome: AttemptOutcome,
): Promise<void> {
  return recordAttempts(db, d.orgId, [{ d, outcome }]);
}

/**
 * Gives events' pending copies (every webhook's) their customer, unless one already has it, and
 * answers the data of the claimed deliveries `ids` as it then stands (the statement's own update, or
 * the row as it was: it had the customer already). One statement for every customerAdded of a claim:
 * `events` is a JSON array of {customer_id, event_id, customer}. The copies are found by each
 * customer's pending rows (webhook_deliveries_customer_idx, a probe per customer: the lateral
 * subquery, kept one by `offset 0`), then by their keys; copies already sent carry it. Sent unnamed
 * (`planEach`): planned for the number of rows it names, never a plan made on an empty outbox.
 * On Citus it is one statement sent to the org's worker: the `{customer}` object is made in FROM, as
 * Citus refuses a STABLE function (`jsonb_build_object`) of a column in an update's SET (0A000); and the
 * commit without waiting for the disk is asked for by the outer select, not inside the update, where
 * Citus evaluates the VOLATILE `set_config` on the coordinator before sending the rest (so the worker,
 * whose commit it is, would wait for its disk). It is asked for when a claimed delivery got its
 * customer (a statement that gave none of them one commits as any other).
 */
export const customersForEventsStatement = statementOf(sql`
    with added as (
      update webhook_deliveries d set data = d.data || t.customer
      from (
        select copy.row_id, jsonb_build_object('customer', e.customer) as customer
        from jsonb_to_recordset(${jsonParam('events')}) as e(customer_id bigint, event_id uuid, customer jsonb)
        cross join lateral (
          select p.ctid as row_id from webhook_deliveries p
          where p.org_id = ${param('orgId')} and p.customer_id = e.customer_id and p.status = 'pending'
            and p.event_id = e.event_id and p.data -> 'customer' is null
            and p.webhook_id in (select w.id from webhooks w where w.org_id = ${param('orgId')})
          offset 0) copy) t
      where d.org_id = ${param('orgId')} and d.ctid = t.row_id and d.data -> 'customer' is null
      returning d.id, d.data)
    select a.id, a.data from added a, ${asyncCommit} where a.id = any(${param('ids')}::bigint[])
    union all
    select x.id, x.data from webhook_deliveries x
    where x.org_id = ${param('orgId')} and x.id = any(${param('ids')}::bigint[])
      and not exists (select 1 from added a where a.id = x.id)`);

/**
 * Adds to each claimed customerAdded delivery (all of one org) its customer, `customers` by customer
 * id (absent: null, the customer is gone); answers each delivery's data by its id.
 */
export async function addCustomersToEvents(
  db: DbOrTx,
  orgId: number,
  deliveries: { id: number; customerId: number; eventId: string }[],
  customers: Map<number, unknown>,
): Promise<Map<number, Record<string, unknown>>> {
  if (deliveries.length === 0) return new Map();
  const events = new Map<string, { customer_id: number; event_id: string; customer: unknown }>();
  for (const d of deliveries)
    events.set(d.eventId, {
      customer_id: d.customerId,
      event_id: d.eventId,
      customer: customers.get(d.customerId) ?? null,
    });
  const rows = await execStatement<{ id: string | number; data: Record<string, unknown> | string }>(
    db,
    customersForEventsStatement,
    {
      orgId,
      events: JSON.stringify([...events.values()]),

      ids: `{${deliveries.map((d) => d.id).join(',')}}`,
    },
    { planEach: true },
  );
  return new Map(rows.map((r) => [Number(r.id), parsed(r.data)]));
}
