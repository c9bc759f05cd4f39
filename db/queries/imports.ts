// An import job's rows (lib/imports): the job, its file's parts, its results; the worker's claim and checkpoint.
import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db, type DbOrTx } from '@/db/client';
import { auditLog, importFileParts, importJobs, importResults } from '@/db/schema';
import { insertFromJson } from './json-insert';
import type { ImportOutcome, ImportStatus } from '@/lib/vocabulary';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportResultRow = typeof importResults.$inferSelect;

export const IMPORT_CHANNEL = 'import_jobs';

export async function createImportJob(
  db: DbOrTx,
  job: Pick<
    typeof importJobs.$inferInsert,
    'orgId' | 'dryRun' | 'source' | 'accountId' | 'actor' | 'actorType' | 'actorCode' | 'fileName'
  >,
): Promise<number> {
  const [row] = await db.insert(importJobs).values(job).returning({ id: importJobs.id });
  return row!.id;
}

export async function insertFilePart(db: DbOrTx, part: { orgId: number; jobId: number; seq: number; data: Buffer }) {
  await db.insert(importFileParts).values(part);
}

/** The upload is complete: the job is queued and the workers woken, together; the job as queued. */
export async function queueImportJob(
  db: Db,
  orgId: number,
  jobId: number,
  file: { bytes: number; columns: string[]; ignoredColumns: string[]; rowsTotal: number },
): Promise<ImportJobRow> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(importJobs)
      .set({
        status: 'QUEUED',
        fileBytes: file.bytes,
        columns: file.columns,
        ignoredColumns: file.ignoredColumns,
        rowsTotal: file.rowsTotal,
      })
      .where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, jobId)))
      .returning();
    await tx.execute(sql`select pg_notify(${IMPORT_CHANNEL}, '')`);
    return job!;
  });
}

/** An upload that failed: the job and its parts go. */
export async function deleteImportJob(db: DbOrTx, orgId: number, jobId: number): Promise<void> {
  await db.delete(importJobs).where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, jobId)));
}

export async function getImportJob(db: DbOrTx, orgId: number, jobId: number): Promise<ImportJobRow | null> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, jobId), sql`${importJobs.status} <> 'UPLOADING'`));
  return row ?? null;
}

/** The org's jobs, newest first (uploads still arriving aside). */
export async function listImportJobs(db: DbOrTx, orgId: number, limit: number): Promise<ImportJobRow[]> {
  return db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.orgId, orgId), sql`${importJobs.status} <> 'UPLOADING'`))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

/** Cancels a job not yet finished: whether this call cancelled it, and the job as it is now (null: no such job). */
export async function cancelImportJob(
  db: DbOrTx,
  orgId: number,
  jobId: number,
): Promise<{ cancelled: boolean; job: ImportJobRow | null }> {
  const changed = await db
    .update(importJobs)
    .set({ status: 'CANCELLED', finishedAt: sql`now()` })
    .where(
      and(eq(importJobs.orgId, orgId), eq(importJobs.id, jobId), inArray(importJobs.status, ['QUEUED', 'RUNNING'])),
    )
    .returning({ id: importJobs.id });
  return { cancelled: changed.length > 0, job: await getImportJob(db, orgId, jobId) };
}

/**
 * Claims the oldest job waiting for a worker: queued, or running with its lease run out (its worker
 * died), or already this worker's. Other workers' claims are skipped, not waited for. The oldest job
 * is found first without a lock (across orgs: on Citus a read of every shard), then claimed with its
 * org bound, so on Citus the claim runs on the org's shard (FOR UPDATE is refused across shards); a
 * job taken meanwhile by another worker leaves the claim to the org's next one, or to the next poll.
 */
export async function claimImportJob(db: DbOrTx, owner: string, leaseMs: number): Promise<ImportJobRow | null> {
  const waiting = (t: SQL) =>
    sql`(${t}.status = 'QUEUED' or (${t}.status = 'RUNNING' and (${t}.lease_until <= now() or ${t}.lease_owner = ${owner}::uuid)))`;
  const [oldest] = await execRows<{ org_id: number }>(
    db,
    sql`select j.org_id from import_jobs j where ${waiting(sql`j`)} order by j.created_at, j.id limit 1`,
  );
  if (!oldest) return null;
  const orgId = Number(oldest.org_id);
  // The claim's time comes from `due` (Citus refuses now() inside the COALESCE of an update).
  const rows = await execRows<{ org_id: number; id: number }>(
    db,
    sql`
    with due as (
      select d.org_id, d.id, now() as at from import_jobs d
      where d.org_id = ${orgId} and ${waiting(sql`d`)}
      order by d.created_at, d.id
      limit 1
      for update skip locked)
    update import_jobs j
    set status = 'RUNNING', lease_owner = ${owner}::uuid,
      lease_until = now() + make_interval(secs => ${leaseMs / 1000}), started_at = coalesce(j.started_at, due.at)
    from due
    where j.org_id = ${orgId} and j.org_id = due.org_id and j.id = due.id
    returning j.org_id, j.id`,
  );
  const row = rows[0];
  return row ? getImportJob(db, Number(row.org_id), Number(row.id)) : null;
}

/** The file's parts from `seq` on, `count` at a time (a part is about 1 MiB). */
export async function readFileParts(
  db: DbOrTx,
  orgId: number,
  jobId: number,
  fromSeq: number,
  count: number,
): Promise<{ seq: number; data: Uint8Array }[]> {
  return db
    .select({ seq: importFileParts.seq, data: importFileParts.data })
    .from(importFileParts)
    .where(
      and(eq(importFileParts.orgId, orgId), eq(importFileParts.jobId, jobId), gt(importFileParts.seq, fromSeq - 1)),
    )
    .orderBy(asc(importFileParts.seq))
    .limit(count);
}

/** Of these request ids (`import:<job>:<row>`), the registrations that were written, with their customer. */
export async function findRegisteredRows(
  db: DbOrTx,
  orgId: number,
  requestIds: string[],
): Promise<{ requestId: string; customerId: number | null; combined: boolean }[]> {
  if (requestIds.length === 0) return [];
  const rows = await db
    .select({ requestId: auditLog.requestId, customerId: auditLog.customerId, details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        inArray(auditLog.requestId, requestIds),
        sql`${auditLog.requestId} like 'import:%'`,
      ),
    );
  return rows.map((r) => ({
    requestId: r.requestId,
    customerId: r.customerId,
    combined: r.details?.combined === true,
  }));
}

export interface Checkpoint {
  rowsDone: number;
  counts: { created: number; sourceAdded: number; duplicates: number; invalid: number };
  runMs: number;
  leaseMs: number;
  /** The last chunk: the job completes (unless it was cancelled meanwhile). */
  finished: boolean;
  results: ImportResultRow[];
}

/**
 * A chunk's results as one JSON parameter: one statement text whatever the chunk's size, cheap to build
 * (drizzle's insert builder took 25 ms of the worker's CPU per 500 rows, 3,500 parameters).
 */
const resultsInsert = (rows: string): SQL =>
  insertFromJson({
    table: importResults,
    rows: sql`${rows}::text::jsonb`,
    set: {},
    fromJson: ['orgId', 'jobId', 'row', 'outcome', 'customerId', 'codes', 'message'],
    tail: 'on conflict do nothing',
  });

/**
 * A chunk's results and the job's counts and checkpoint, in one transaction, if this worker still holds
 * the job (a cancelled job's last chunk is recorded too: its rows were registered). The job's status
 * after it, or null when another worker has taken the job over.
 */
export async function recordChunk(
  db: Db,
  job: { orgId: number; id: number },
  owner: string,
  c: Checkpoint,
): Promise<ImportStatus | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(importJobs)
      .set({
        rowsDone: c.rowsDone,
        created: sql`${importJobs.created} + ${c.counts.created}`,
        sourceAdded: sql`${importJobs.sourceAdded} + ${c.counts.sourceAdded}`,
        duplicates: sql`${importJobs.duplicates} + ${c.counts.duplicates}`,
        invalid: sql`${importJobs.invalid} + ${c.counts.invalid}`,
        runMs: sql`${importJobs.runMs} + ${c.runMs}`,
        leaseUntil: sql`now() + make_interval(secs => ${c.leaseMs / 1000})`,
        status: c.finished
          ? sql`case when ${importJobs.status} = 'RUNNING' then 'COMPLETED' else ${importJobs.status} end`
          : undefined,
      })
      .where(
        and(
          eq(importJobs.orgId, job.orgId),
          eq(importJobs.id, job.id),
          eq(importJobs.leaseOwner, owner),
          inArray(importJobs.status, ['RUNNING', 'CANCELLED']),
        ),
      )
      .returning({ status: importJobs.status });
    if (!row) return null;
    // When it ended, unless a cancellation said so first: a statement of its own, because Citus refuses
    // `coalesce(finished_at, now())` (a function that is not immutable inside a COALESCE) in an update.
    if (c.finished)
      await tx
        .update(importJobs)
        .set({ finishedAt: sql`now()` })
        .where(and(eq(importJobs.orgId, job.orgId), eq(importJobs.id, job.id), isNull(importJobs.finishedAt)));
    if (c.results.length > 0) await tx.execute(resultsInsert(JSON.stringify(c.results)));
    return row.status;
  });
}

/** A job that cannot go on (its file unreadable): failed, with why. */
export async function failImportJob(db: DbOrTx, job: { orgId: number; id: number }, owner: string, failure: string) {
  await db
    .update(importJobs)
    .set({ status: 'FAILED', failure, finishedAt: sql`now()` })
    .where(
      and(
        eq(importJobs.orgId, job.orgId),
        eq(importJobs.id, job.id),
        eq(importJobs.leaseOwner, owner),
        eq(importJobs.status, 'RUNNING'),
      ),
    );
}

/** Results after `afterRow`, in row order, `limit` at a time (the results CSV is streamed). */
export async function readResults(
  db: DbOrTx,
  orgId: number,
  jobId: number,
  afterRow: number,
  limit: number,
): Promise<{ row: number; outcome: ImportOutcome; customerId: number | null; codes: string; message: string }[]> {
  return db
    .select({
      row: importResults.row,
      outcome: importResults.outcome,
      customerId: importResults.customerId,
      codes: importResults.codes,
      message: importResults.message,
    })
    .from(importResults)
    .where(and(eq(importResults.orgId, orgId), eq(importResults.jobId, jobId), gt(importResults.row, afterRow)))
    .orderBy(asc(importResults.row))
    .limit(limit);
}
