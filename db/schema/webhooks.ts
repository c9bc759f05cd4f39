import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookEvent } from '@/lib/vocabulary';
import { isOneOf } from './one-of';
import { orgs } from './orgs';

/** An org's webhook: where its events go. The signing secret is stored encrypted (lib/webhooks/secret.ts). */
export const webhooks = pgTable(
  'webhooks',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    eventNames: text('event_names').array().$type<WebhookEvent[]>().notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    /** AES-256-GCM of the secret under a key derived from AUTH_SECRET: iv.tag.ciphertext, base64url. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * The outbox: one row per event and webhook subscribed to it, written by the statement of the change
 * it reports (db/queries/customer-writes.ts, eventParts), and the delivery's state after that. The
 * worker claims due rows with FOR UPDATE SKIP LOCKED and a lease (lib/webhooks/task.ts).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: integer('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    webhookId: integer('webhook_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    /** The same for every webhook's copy of one event: receivers deduplicate by it. */
    eventId: uuid('event_id').notNull(),
    eventName: text('event_name').$type<WebhookEvent>().notNull(),
    requestId: text('request_id').notNull(),
    /** The event's data, the customer id aside: the history entries it reports (and customerAdded's customer, added when first sent). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Retries stop 3 days after this: the event's writing, or the last "Send again". */
    retryingSince: timestamp('retrying_since', { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While set and in the future, a worker is sending it; past it (a crashed worker), it is due again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.webhookId], foreignColumns: [webhooks.orgId, webhooks.id] }).onDelete('cascade'),
    check('webhook_deliveries_status_check', isOneOf(t.status, DELIVERY_STATUSES)),
    // One org's pending rows, soonest first: the claim (one org at a time) reads them in this order
    // and stops at its limit; the look for orgs with due rows reads the first of each org. Without it, the claim planned on a young outbox (no statistics) read
    // every pending row of the org through the customer index and sorted them: 35 ms a claim at
    // 15,000 pending against 0.7 ms.
    // Its predicate names next_attempt_at (never null: the claim's `next_attempt_at <= now()` implies
    // it) so that only statements asking for due rows can use it: the probes of one customer's
    // pending rows, planned on an empty table, would otherwise take this narrower index by org.
    index('webhook_deliveries_org_due_idx')
      .on(t.orgId, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending' and ${t.nextAttemptAt} is not null`),
    // A customer's next event waits for the one before it, per webhook; customerAdded's customer is
    // added to the event's copies of every webhook. Customer before webhook: both are probes of the
    // customer's few pending rows (webhook second, the second would scan every pending row of the org).
    index('webhook_deliveries_customer_idx')
      .on(t.orgId, t.customerId, t.webhookId, t.id)
      .where(sql`${t.status} = 'pending'`),
    // The delivery log, newest first.
    index('webhook_deliveries_log_idx').on(t.orgId, t.webhookId, t.id),
  ],
);
