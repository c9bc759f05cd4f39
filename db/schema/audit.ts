import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/** Who did what, from which request. Written in the same transaction as the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }),
    requestId: text('request_id').notNull(),
    actorType: text('actor_type').notNull(),
    actorCode: text('actor_code').notNull(),
    /** USER-CONTEXT-ENTITY-* headers, when sent. */
    userContext: jsonb('user_context').$type<Record<string, string>>(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('audit_log_customer_idx').on(t.orgId, t.customerId)],
);

/** Stored responses of POST /v2/customers by Idempotency-Key, kept 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    clientKey: text('client_key').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** null while the first request is still running. */
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.clientKey, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
