// The worker's webhook task: keeps up to `concurrency` deliveries in flight and claims more as each
// one ends, so a slow receiver (up to its 10 s timeout) holds only the slots of its own deliveries,
// never a round of everyone else's, and at most `perWebhook` of them. One delivery per customer and webhook at a time: the claim sees
// to it (a customer's next event is not due while the one before it is pending, leased or not).
import 'server-only';
import { performance } from 'node:perf_hooks';
import type { Db } from '@/db/client';
import {
  addCustomersToEvents,
  claimOfOrgs,
  dueOrgIds,
  recordAttempts,
  webhookKey,
  type AttemptOutcome,
  type AttemptRecord,
  type ClaimedDelivery,
} from '@/db/queries/webhooks';
import { getCustomers } from '@/lib/customers/read';
import { env } from '@/lib/env';
import { log, loggableError } from '@/lib/log';
import type { BackgroundTask } from '@/lib/worker/task';
import { attemptDelivery } from './deliver';
import { decryptSecret } from './secret';
import type { TargetPolicy } from './target';

export interface WebhookTaskOptions {
  /** Deliveries in flight at once, across all webhooks and customers. */
  concurrency?: number;
  /** Of those, at most this many to one webhook (half by default): a slow one leaves the rest free. */
  perWebhook?: number;
  /** How long a claim holds before another worker may take the delivery again (a crashed worker). */
  leaseMs?: number;
  /**
   * At least this long between two claims. Every delivery that ends wakes the task; claiming at each
   * would run the claim hundreds of times a second for a row or two each. Paced, one claim takes
   * what came in meanwhile, at the cost of this much latency.
   */
  claimIntervalMs?: number;
  /**
   * The pause between claims grows, doubling up to this, while claims come back with only a row or
   * two (deliveries ending one by one on a busy process), and falls back to `claimIntervalMs` once
   * one finds a batch: under load each claim (two statements) takes more deliveries, at the cost of at
   * most this much latency.
   */
  maxClaimIntervalMs?: number;
  /**
   * While the process's event loop is busy more than `busyShare` of the time (requests wait for it:
   * the app, or the machine, is saturated), claims are at least this far apart, each taking as many as
   * there are free slots: deliveries give way to the requests in fewer, larger batches, and catch up
   * as soon as the loop has room again. Measured: a delivery made during a saturating load cost
   * about 1.5 ms of CPU, much of it per claim rather than per row (docs/scaling.md, "Webhooks"). A
   * worker in its own process is busy only with its own work.
   */
  busyClaimIntervalMs?: number;
  busyShare?: number;
  /**
   * The orgs with due deliveries (a probe of each org's due index, across orgs) are looked up again
   * after this long, or at once when none of those known has anything due: under load most claims
   * are of the same orgs, and the look-up cost more than the claim. An org whose first delivery comes
   * while others keep the worker busy waits up to this long.
   */
  orgsMaxAgeMs?: number;
  /**
   * How often an idle worker looks for due deliveries. The changes that write events do not NOTIFY
   * (PostgreSQL would serialise their commits: migration 0015), so this bounds the wait of an event
   * written while the worker is idle; the claim it costs is a probe of the due index.
   */
  pollMs?: number;
  /**
   * Outcomes of attempts that end within this long of each other are recorded in one statement (or
   * as soon as `recordBatch` are waiting). A delivery holds its slot until its outcome is recorded.
   */
  recordWindowMs?: number;
  recordBatch?: number;
}

/**
 * customerAdded carries the customer as GET /v2/customers/{id} returns it, rendered when the event is
 * first sent rather than by the registration's statement (which would pay for it on every
 * registration of an org with such a webhook), and kept in the outbox so every retry and every
 * webhook's copy sends the same. The customer is still as registered (version 1) unless a change
 * committed before the event was first sent (the worker stopped or far behind): then it is as of
 * that first sending, its version telling which, and the changes after it follow in their own events.
 * A customer gone by then is null.
 *
 * Done for all of a claim's customerAdded deliveries at once, per org: one statement reads their
 * customers (the read of GET, many ids), one stores each in its event's copies. A claim under load
 * holds many: two statements for all of them instead of two each.
 */
async function addCustomers(db: Db, claimed: ClaimedDelivery[]): Promise<void> {
  const byOrg = new Map<number, ClaimedDelivery[]>();
  for (const d of claimed) {
    if (d.eventName !== 'customerAdded' || 'customer' in d.data) continue;
    const list = byOrg.get(d.orgId);
    if (list) list.push(d);
    else byOrg.set(d.orgId, [d]);
  }
  for (const [orgId, deliveries] of byOrg) {
    const customers = await getCustomers(
      db,
      orgId,
      deliveries.map((d) => d.customerId),
    );
    const data = await addCustomersToEvents(db, orgId, deliveries, customers);
    for (const d of deliveries) {
      const stored = data.get(d.id);
      // Stored by another worker's claim of another webhook's copy after this statement began: the
      // row read is the one before it; what this worker read is what it stored.
      d.data = stored && 'customer' in stored ? stored : { ...d.data, customer: customers.get(d.customerId) ?? null };
    }
  }
}

/**
 * Collects the outcomes of attempts and records those that end within `windowMs` of the first (or
 * once `batch` are waiting) in one statement per org. Each `record` resolves once its outcome is
 * committed (or could not be: then the delivery is left to its lease, and sent again when it runs
 * out). Nothing is held that a crash could lose but a record, which only sends the delivery again.
 */
function attemptRecorder(windowMs: number, batch: number) {
  let waiting: { db: Db; record: AttemptRecord; done: () => void }[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = waiting;
    waiting = [];
    const byOrg = new Map<number, typeof taken>();
    for (const w of taken) {
      const list = byOrg.get(w.record.d.orgId);
      if (list) list.push(w);
      else byOrg.set(w.record.d.orgId, [w]);
    }
    await Promise.all(
      [...byOrg].map(async ([orgId, list]) => {
        try {
          await recordAttempts(
            list[0]!.db,
            orgId,
            list.map((w) => w.record),
          );
        } catch (err) {
          // Left to their leases: tried again when the leases run out.
          log.error({ deliveries: list.map((w) => w.record.d.id), err: loggableError(err) }, 'webhook records failed');
        } finally {
          for (const w of list) w.done();
        }
      }),
    );
  }

  return (db: Db, d: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> =>
    new Promise<void>((done) => {
      waiting.push({ db, record: { d, outcome }, done });
      if (waiting.length >= batch) void flush();
      else timer ??= setTimeout(() => void flush(), windowMs);
    });
}

/**
 * Whether the process's event loop was busy more than `share` of the time (Node's
 * `eventLoopUtilization`) in each of the last two tenths of a second: one sampler per process, started
 * on first use. Two slices, so that one garbage collection or the worker's own burst after a claim
 * does not read as a saturated process.
 */
let loopSlices: [number, number] | null = null;
function loopSaturated(share: number): boolean {
  if (!loopSlices) {
    const slices: [number, number] = (loopSlices = [0, 0]);
    let mark = performance.eventLoopUtilization();
    setInterval(() => {
      const now = performance.eventLoopUtilization();
      slices.shift();
      slices.push(performance.eventLoopUtilization(now, mark).utilization);
      mark = now;
    }, 100).unref();
  }
  return loopSlices.every((u) => u > share);
}

/** Waits while the event loop is saturated (loopSaturated), until `until` at the latest. */
async function giveWay(until: number, share: number): Promise<void> {
  while (loopSaturated(share) && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - Date.now())));
}

export function webhookTask(opts: WebhookTaskOptions = {}): BackgroundTask {
  const concurrency = opts.concurrency ?? 50;
  const perWebhook = opts.perWebhook ?? Math.max(1, Math.floor(concurrency / 2));
  const leaseMs = opts.leaseMs ?? env().WEBHOOK_LEASE_MS;
  const claimIntervalMs = opts.claimIntervalMs ?? 10;
  const maxClaimIntervalMs = Math.max(claimIntervalMs, opts.maxClaimIntervalMs ?? 100);
  /** A claim of at least this many is a batch: the pause between claims goes back to its shortest. */
  const batchWorth = Math.max(2, Math.floor(perWebhook / 4));
  let interval = claimIntervalMs;
  const busyClaimIntervalMs = opts.busyClaimIntervalMs ?? 500;
  const busyShare = opts.busyShare ?? 0.8;
  const orgsMaxAgeMs = opts.orgsMaxAgeMs ?? 500;
  let orgs: number[] = [];
  let orgsAt = 0;
  const record = attemptRecorder(opts.recordWindowMs ?? 5, opts.recordBatch ?? 25);
  let lastClaimAt = 0;
  const secrets = new Map<string, string>();
  const secretOf = (stored: string) => {
    let s = secrets.get(stored);
    if (s === undefined) secrets.set(stored, (s = decryptSecret(stored)));
    return s;
  };
  const inFlight = new Set<Promise<void>>();
  /** Deliveries in flight by webhook (webhookKey). */
  const byWebhook: Record<string, number> = {};

  async function send(db: Db, d: ClaimedDelivery, policy: TargetPolicy): Promise<void> {
    try {
      const outcome = await attemptDelivery(d, secretOf(d.secretCiphertext), policy);
      await record(db, d, outcome);
    } catch (err) {
      // Left to its lease: it is tried again when the lease runs out.
      log.error({ delivery: d.id, err: loggableError(err) }, 'webhook delivery failed to run');
    }
  }

  return {
    name: 'webhooks',
    // Notified only by "Send again" (redeliver); new events are found by polling.
    channel: 'webhook_deliveries',
    pollMs: opts.pollMs ?? 100,
    async runOnce(db, wake) {
      if (inFlight.size >= concurrency) {
        // Every slot taken: claim again once one frees.
        await Promise.race(inFlight);
        return true;
      }
      const since = Date.now() - lastClaimAt;
      if (since < interval) await new Promise((resolve) => setTimeout(resolve, interval - since));
      await giveWay(lastClaimAt + busyClaimIntervalMs, busyShare);
      lastClaimAt = Date.now();
      const { NODE_ENV, WEBHOOK_ALLOWED_HOSTS } = env();
      const policy = { production: NODE_ENV === 'production', allowedHosts: WEBHOOK_ALLOWED_HOSTS };
      const free = concurrency - inFlight.size;
      const cap = { perWebhook, inFlight: { ...byWebhook } };
      const known = orgs.length > 0 && Date.now() - orgsAt < orgsMaxAgeMs;
      if (!known) [orgs, orgsAt] = [await dueOrgIds(db, free), Date.now()];
      let claimed = await claimOfOrgs(db, orgs, free, leaseMs, cap);
      if (known && claimed.length === 0) {
        [orgs, orgsAt] = [await dueOrgIds(db, free), Date.now()];
        claimed = await claimOfOrgs(db, orgs, free, leaseMs, cap);
      }
      interval =
        claimed.length >= Math.min(batchWorth, free) ? claimIntervalMs : Math.min(maxClaimIntervalMs, interval * 2);
      try {
        await addCustomers(db, claimed);
      } catch (err) {
        // Left to their leases: the claim is tried again when they run out.
        log.error({ deliveries: claimed.map((d) => d.id), err: loggableError(err) }, 'webhook customers failed');
        claimed.length = 0;
      }
      let capped = false;
      for (const d of claimed) {
        const key = webhookKey(d);
        if ((byWebhook[key] = (byWebhook[key] ?? 0) + 1) >= perWebhook) capped = true;
        const sending: Promise<void> = send(db, d, policy).finally(() => {
          inFlight.delete(sending);
          if (--byWebhook[key]! === 0) delete byWebhook[key];
          // A slot is free, and the customer's next event may be due now.
          wake();
        });
        inFlight.add(sending);
      }
      // Fewer than asked for: nothing more is due until a notification, a delivery ending or the poll,
      // unless a webhook reached its share (the claim may have passed over others' deliveries for it).
      return claimed.length === free || capped;
    },
    async settle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
