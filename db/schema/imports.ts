import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
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
import {
  IMPORT_OUTCOMES,
  IMPORT_STATUSES,
  type ActorType,
  type ImportOutcome,
  type ImportStatus,
} from '@/lib/vocabulary';
import { isOneOf } from './one-of';
import { orgs } from './orgs';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A CSV import (POST /v2/imports): who asked, what, and how far the worker has come. The worker claims a
 * QUEUED job, or a RUNNING one whose lease ran out (its worker died), with FOR UPDATE SKIP LOCKED;
 * `rowsDone` is the checkpoint, moved with the counts after each chunk of rows (lib/imports).
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    status: text('status').$type<ImportStatus>().notNull().default('UPLOADING'),
    dryRun: boolean('dry_run').notNull(),
    source: text('source').notNull(),
    accountId: text('account_id').notNull().default(''),
    /** Who started it: the rows are registered as that caller (lib/auth/actor.ts, without secrets). */
    actor: jsonb('actor').$type<Record<string, unknown>>().notNull(),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    actorCode: text('actor_code').notNull(),
    fileName: text('file_name'),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
    /** The header as sent, and which of its columns are read and which ignored. */
    columns: jsonb('columns').$type<string[]>().notNull().default([]),
    ignoredColumns: jsonb('ignored_columns').$type<string[]>().notNull().default([]),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    sourceAdded: integer('source_added').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    /** The worker holding the job, and until when; past it another worker takes it over. */
    leaseOwner: uuid('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** Time spent running, in ms, summed over the workers that ran it (the rate's denominator). */
    runMs: bigint('run_ms', { mode: 'number' }).notNull().default(0),
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check('import_jobs_status_check', isOneOf(t.status, IMPORT_STATUSES)),
    // What the worker claims.
    index('import_jobs_due_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('QUEUED', 'RUNNING')`),
  ],
);

/** The uploaded file, in pieces of about 1 MiB, in order: it lives in the database, for any worker to read. */
export const importFileParts = pgTable(
  'import_file_parts',
  {
    orgId: integer('org_id').notNull(),
    jobId: integer('job_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.jobId, t.seq] }),
    foreignKey({ columns: [t.orgId, t.jobId], foreignColumns: [importJobs.orgId, importJobs.id] }).onDelete('cascade'),
  ],
);

/** One row's outcome (GET /v2/imports/{id}/results), written with the checkpoint of its chunk. */
export const importResults = pgTable(
  'import_results',
  {
    orgId: integer('org_id').notNull(),
    jobId: integer('job_id').notNull(),
    /** The row's number in the file, the header not counted, from 1. */
    row: integer('row').notNull(),
    outcome: text('outcome').$type<ImportOutcome>().notNull(),
    customerId: bigint('customer_id', { mode: 'number' }),
    /** The codes of its errors, or of its warnings on success, space-separated. */
    codes: text('codes').notNull().default(''),
    message: text('message').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.jobId, t.row] }),
    foreignKey({ columns: [t.orgId, t.jobId], foreignColumns: [importJobs.orgId, importJobs.id] }).onDelete('cascade'),
    check('import_results_outcome_check', isOneOf(t.outcome, IMPORT_OUTCOMES)),
  ],
);
