import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { HISTORY_ACTIONS, type ActorType, type HistoryAction } from '@/lib/vocabulary';
import { customers } from './customers';
import { isOneOf } from './one-of';
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
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('audit_log_customer_idx').on(t.orgId, t.customerId),
    // The configuration history pages through an org's saves, which are few among its registrations.
    index('audit_log_config_idx')
      .on(t.orgId, t.id)
      .where(sql`${t.action} = 'config.update'`),
    // An import's rows (request id `import:<job>:<row>`, which no client can send): which rows of a chunk
    // a worker that died had already registered (lib/imports/run.ts).
    index('audit_log_import_idx')
      .on(t.orgId, t.requestId)
      .where(sql`${t.requestId} like 'import:%'`),
    // The admin log (GET /v2/audit): staff, client and configuration decisions, which name no customer.
    index('audit_log_admin_idx')
      .on(t.orgId, t.id)
      .where(sql`${t.customerId} is null`),
  ],
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

/** One changed value: `path` names it (`profiles.INSTORE.firstName`); a value absent or cleared is null. */
export interface HistoryChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * What happened to a customer, newest first by id (GET /v2/customers/{id}/history). Each entry is written
 * in the same transaction (or statement) as the change it records.
 */
export const customerHistory = pgTable(
  'customer_history',
  {
    orgId: integer('org_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').$type<HistoryAction>().notNull(),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    actorCode: text('actor_code').notNull(),
    requestId: text('request_id').notNull(),
    /** USER-CONTEXT-ENTITY-* headers, when sent. */
    userContext: jsonb('user_context').$type<Record<string, string>>(),
    reason: text('reason'),
    changes: jsonb('changes').$type<HistoryChange[]>().notNull().default([]),
    /** The merge victim this entry was written for, when a merge moved it to the survivor (null: its own). */
    movedFrom: bigint('moved_from', { mode: 'number' }),
  },
  (t) => [
    // Led by the customer: a page of one customer's history is one range of the primary key.
    primaryKey({ columns: [t.orgId, t.customerId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    check('customer_history_action_check', isOneOf(t.action, HISTORY_ACTIONS)),
  ],
);
