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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  REQUEST_BASE_TYPES,
  REQUEST_STATUSES,
  type ActorType,
  type RequestBaseType,
  type RequestStatus,
} from '@/lib/vocabulary';
import { customers } from './customers';
import { isOneOf } from './one-of';
import { orgs } from './orgs';

/**
 * A request about customers that a second person approves (docs/api.md, "Requests"): a merge of a
 * victim into a survivor, or the deletion of a customer's personal data.
 */
export const customerRequests = pgTable(
  'customer_requests',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity({ startWith: 5000001 }),
    type: text('type').notNull(),
    baseType: text('base_type').$type<RequestBaseType>().notNull(),
    status: text('status').$type<RequestStatus>().notNull().default('PENDING'),
    /** MERGE: the customer that disappears into the survivor. */
    victimId: bigint('victim_id', { mode: 'number' }),
    survivorId: bigint('survivor_id', { mode: 'number' }),
    /** DELETE: the customer whose personal data goes. */
    customerId: bigint('customer_id', { mode: 'number' }),
    createdByType: text('created_by_type').$type<ActorType>().notNull(),
    createdByCode: text('created_by_code').notNull(),
    decidedByType: text('decided_by_type').$type<ActorType>(),
    decidedByCode: text('decided_by_code'),
    comments: text('comments'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** DELETE: when the erasure is due (approval + the org's piiDeleteAfterDays). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** MERGE: when the merge was undone. */
    unmergedAt: timestamp('unmerged_at', { withTimezone: true }),
    /** DELETE: the customer's status label before "Pending deletion", restored by a cancel. */
    previousStatusLabelId: integer('previous_status_label_id'),
    failure: text('failure'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.victimId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.survivorId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    check('customer_requests_base_type_check', isOneOf(t.baseType, REQUEST_BASE_TYPES)),
    check('customer_requests_status_check', isOneOf(t.status, REQUEST_STATUSES)),
    check(
      'customer_requests_parties_check',
      sql`(${t.baseType} = 'MERGE' and ${t.victimId} is not null and ${t.survivorId} is not null and ${t.customerId} is null)
       or (${t.baseType} = 'DELETE' and ${t.customerId} is not null and ${t.victimId} is null and ${t.survivorId} is null)`,
    ),
    // The database holds "one open merge per victim" and "one open deletion per customer".
    uniqueIndex('customer_requests_open_victim_key')
      .on(t.victimId, t.orgId)
      .where(sql`${t.status} in ('PENDING', 'APPROVED', 'PROCESSING')`),
    uniqueIndex('customer_requests_open_delete_key')
      .on(t.customerId, t.orgId)
      .where(sql`${t.status} in ('PENDING', 'APPROVED', 'PROCESSING')`),
    // Led by another column than org_id: an index led by it looks as good as the primary key to a
    // foreign-key check planned on a young table (docs/architecture.md, "Data model").
    index('customer_requests_queue_idx').on(t.status, t.orgId, t.id),
    index('customer_requests_survivor_idx').on(t.survivorId, t.orgId),
    // The erasure task's claim: approved deletions by due time.
    index('customer_requests_due_idx')
      .on(t.dueAt)
      .where(sql`${t.baseType} = 'DELETE' and ${t.status} = 'APPROVED'`),
  ],
);

/**
 * Every row a merge changed, as it was before and after (`to_jsonb` of the row; null: absent), in the
 * order the merge wrote them: an unmerge checks each is still as the merge left it, and puts back
 * `before` in reverse order.
 */
export const mergeMoves = pgTable(
  'merge_moves',
  {
    orgId: integer('org_id').notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    tableName: text('table_name').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.requestId, t.seq] }),
    foreignKey({ columns: [t.orgId, t.requestId], foreignColumns: [customerRequests.orgId, customerRequests.id] }),
    check('merge_moves_some_check', sql`${t.before} is not null or ${t.after} is not null`),
  ],
);
