// The worker's import task (lib/worker): claims a job, reads its file from the database as a stream,
// and registers its rows a chunk at a time through the engine of POST /v2/customers (registerInOrder:
// the rules, history, search words and events of any registration).
//
// Exactly once, across crashes: each row is registered with the request id `import:<job>:<row>`, which
// its audit record carries, written by the registration's own statement. After each chunk, the rows'
// results, the counts and the checkpoint (rowsDone) are written in one transaction, while the next
// chunk is registered (runChunks). A worker that dies mid-chunk leaves its lease to run out; the next
// worker starts after the checkpoint, and for the two chunks' worth of rows after it asks the audit
// log which rows were already registered: those are recorded from it, not registered again; the
// others run. No row twice, none skipped.
//
// A dry run registers each chunk inside a transaction and rolls it back: every rule runs, rows of one
// chunk see each other (a duplicate within the chunk is reported), nothing is written.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { getHandle, type Db } from '@/db/client';
import {
  claimImportJob,
  failImportJob,
  findRegisteredRows,
  IMPORT_CHANNEL,
  readFileParts,
  recordChunk,
  type Checkpoint,
  type ImportJobRow,
  type ImportResultRow,
} from '@/db/queries/imports';
import type { Actor } from '@/lib/auth/actor';
import { getOrgConfig } from '@/lib/config/cache';
import { registerInOrder, type BulkResult } from '@/lib/customers/bulk';
import { env } from '@/lib/env';
import { log, loggableError } from '@/lib/log';
import type { ImportOutcome, ImportStatus } from '@/lib/vocabulary';
import type { BackgroundTask } from '@/lib/worker/task';
import { mapColumns, rowToBody, type ColumnMap } from './columns';
import { CsvError, csvParser } from './csv';

export interface ImportTaskOptions {
  /** Rows per chunk: per checkpoint. */
  chunkRows?: number;
  leaseMs?: number;
  /** How long one round works before handing back to the worker's loop (which calls it again at once). */
  roundMs?: number;
}

/** A job this worker is running: its file being read, from the row after the checkpoint. */
interface Running {
  job: ImportJobRow;
  map: ColumnMap;
  records: AsyncIterator<string[]>;
  /** Rows read so far (the next row's number is this + 1). */
  row: number;
  /**
   * After a claim: the rows up to this one may have been registered by a worker that died before
   * recording them (at most two chunks past its checkpoint, see runChunks); chunks up to it, and on
   * while a chunk finds some, ask the audit log. 0: no more asking.
   */
  checkUntilRow: number;
  actor: Actor;
}

const PARTS_PER_READ = 4;

/**
 * Rows registered at once, each on a connection of the rows' own pool (`deferredDurability`: its
 * commits do not wait for the disk; the chunk's checkpoint, committed after the rows on the main
 * pool, makes them durable, and a crash before it loses only rows the resumed job then registers).
 * Two thirds of DB_POOL_MAX (8 of the default 12): 8 against the bulk route's 4 took 1.6–2 × the rows
 * per second (docs/scaling.md). The embedded database has one connection: there rows go in turn, as
 * a dry run's do, so a row's transaction never waits behind seven others' statements interleaved on it.
 */
const importParallel = () => (env().DATABASE_URL ? Math.max(1, Math.floor((env().DB_POOL_MAX * 2) / 3)) : 1);

/** The job's file, read from the database a few parts at a time. */
function fileStream(db: Db, job: ImportJobRow): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; ;) {
        const parts = await readFileParts(db, job.orgId, job.id, seq, PARTS_PER_READ);
        for (const p of parts) yield Buffer.from(p.data);
        if (parts.length < PARTS_PER_READ) return;
        seq = parts[parts.length - 1]!.seq + 1;
      }
    })(),
    { objectMode: false },
  );
}

async function open(db: Db, job: ImportJobRow, chunkRows: number): Promise<Running> {
  const parser = fileStream(db, job).pipe(csvParser());
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await records.next();
  const map = mapColumns(first.done ? [] : first.value);
  let row = 0;
  // Rows before the checkpoint are read past, not registered.
  while (row < job.rowsDone) {
    const next = await records.next();
    if (next.done) break;
    row++;
  }
  return {
    job,
    map,
    records,
    row,
    // Any claim may follow a worker that died mid-chunk: a look at the audit log per chunk, an index
    // probe, for the two chunks after the checkpoint (of this worker's size; and on while one finds some).
    checkUntilRow: job.dryRun ? 0 : job.rowsDone + 2 * chunkRows,
    actor: job.actor as unknown as Actor,
  };
}

/** What a row came to, from its registration's answer. */
function resultOf(r: BulkResult): {
  outcome: ImportOutcome;
  customerId: number | null;
  codes: string;
  message: string;
} {
  if (r.createdId !== null) {
    const combined = r.warnings.some((w) => w.code === 8050);
    return {
      outcome: combined ? 'sourceAdded' : 'created',
      customerId: r.createdId,
      codes: r.warnings.map((w) => w.code).join(' '),
      message: r.warnings.map((w) => w.message).join('; '),
    };
  }
  const codes = r.errors.map((e) => e.code);
  return {
    outcome: codes.includes(8006) || codes.includes(8052) ? 'duplicate' : 'invalid',
    customerId: null,
    codes: codes.join(' '),
    message: r.errors.map((e) => e.message).join('; '),
  };
}

class DryRunRollback extends Error {}

export const rowRequestId = (jobId: number, row: number) => `import:${jobId}:${row}`;

/** Registers the rows (or checks them, in a dry run): one result per row, in order. */
async function registerRows(db: Db, run: Running, rows: { row: number; body: unknown }[]): Promise<BulkResult[]> {
  const { job, actor } = run;
  const input = {
    actor,
    bodies: rows.map((r) => r.body),
    requestId: (i: number) => rowRequestId(job.id, rows[i]!.row),
    userContext: null,
  };
  if (!job.dryRun) {
    const parallel = importParallel();
    return registerInOrder((await getHandle()).deferredDurability(parallel), { ...input, parallel });
  }
  let results: BulkResult[] = [];
  // The org's configuration is read through the process's cache (the pool, not the transaction): read
  // it before the transaction opens, as on the embedded database's one connection a read inside would
  // wait for the transaction it is in.
  await getOrgConfig(actor.orgId);
  try {
    await db.transaction(async (tx) => {
      results = await registerInOrder(tx as unknown as Db, { ...input, parallel: 1 });
      throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return results;
}

/** A chunk's rows read from the file and registered (or checked): what its checkpoint records. */
interface Chunk {
  rowsDone: number;
  finished: boolean;
  counts: Checkpoint['counts'];
  results: ImportResultRow[];
  runMs: number;
}

/** Reads the next chunk's rows from the file. */
async function readRows(
  run: Running,
  chunkRows: number,
): Promise<{ rows: { row: number; body: unknown }[]; finished: boolean }> {
  const rows: { row: number; body: unknown }[] = [];
  while (rows.length < chunkRows) {
    const next = await run.records.next();
    if (next.done) return { rows, finished: true };
    run.row++;
    rows.push({ row: run.row, body: rowToBody(run.map, next.value, run.job) });
  }
  return { rows, finished: false };
}

/** Reads and registers one chunk; nothing of it is recorded yet. */
async function registerChunk(db: Db, run: Running, chunkRows: number): Promise<Chunk> {
  const started = Date.now();
  const { rows, finished } = await readRows(run, chunkRows);
  const results: ImportResultRow[] = [];
  const counts = { created: 0, sourceAdded: 0, duplicates: 0, invalid: 0 };
  const add = (row: number, r: ReturnType<typeof resultOf>) => {
    results.push({ orgId: run.job.orgId, jobId: run.job.id, row, ...r });
    if (r.outcome === 'created') counts.created++;
    else if (r.outcome === 'sourceAdded') counts.sourceAdded++;
    else if (r.outcome === 'duplicate') counts.duplicates++;
    else counts.invalid++;
  };
  let toRun = rows;
  if (run.checkUntilRow > 0 && rows.length > 0) {
    // The worker before this one may have registered some of these rows and died before recording them.
    const known = new Map(
      (
        await findRegisteredRows(
          db,
          run.job.orgId,
          rows.map((r) => rowRequestId(run.job.id, r.row)),
        )
      ).map((k) => [k.requestId, k]),
    );
    for (const r of rows) {
      const k = known.get(rowRequestId(run.job.id, r.row));
      if (k) {
        add(r.row, {
          outcome: k.combined ? 'sourceAdded' : 'created',
          customerId: k.customerId,
          codes: '',
          message: 'Registered before the import was resumed',
        });
      }
    }
    toRun = rows.filter((r) => !known.has(rowRequestId(run.job.id, r.row)));
    // Past the rows the worker before could have registered, and this chunk found none of its own: done.
    if (run.row >= run.checkUntilRow && known.size === 0) run.checkUntilRow = 0;
  }
  if (toRun.length > 0) {
    const answers = await registerRows(db, run, toRun);
    // The database went away mid-chunk: nothing is recorded; the chunk runs again from the checkpoint.
    if (answers.some((a) => a.errors.some((e) => e.code === 503))) throw new Error('database unavailable');
    answers.forEach((a, i) => add(toRun[i]!.row, resultOf(a)));
  }
  results.sort((a, b) => a.row - b.row);
  return { rowsDone: run.row, finished, counts, results, runMs: Date.now() - started };
}

/** Records a registered chunk: its results, the counts and the checkpoint. The job's status after it. */
const record = (db: Db, run: Running, owner: string, leaseMs: number, chunk: Chunk) =>
  recordChunk(db, run.job, owner, { ...chunk, leaseMs });

/**
 * Registers chunks for about `roundMs`, each chunk's registrations overlapping the previous chunk's
 * checkpoint (its results' insert and its synchronous commit): the rows' connections are not left idle
 * while it is written. Checkpoints are written in order, each after the one before committed, so the
 * job's checkpoint never passes a chunk not yet recorded; at most two chunks beyond it are registered
 * and not yet recorded at any time, which a resumed job looks for (`checkUntilRow`). A chunk registered
 * while the one before found the job cancelled is recorded too (its rows were registered), then the
 * round stops; one whose job another worker took over is left to that worker's look at the audit log.
 */
async function runChunks(
  db: Db,
  run: Running,
  owner: string,
  o: { chunkRows: number; leaseMs: number; roundMs: number },
): Promise<Step> {
  const end = Date.now() + o.roundMs;
  let recording: Promise<ImportStatus | null> = Promise.resolve('RUNNING');
  try {
    for (;;) {
      const chunk = await registerChunk(db, run, o.chunkRows);
      const before = await recording;
      if (before === null) return 'done';
      recording = record(db, run, owner, o.leaseMs, chunk);
      // Handled when awaited; until then a failure must not count as an unhandled rejection.
      recording.catch(() => {});
      if (before !== 'RUNNING' || chunk.finished) {
        await recording;
        return 'done';
      }
      if (Date.now() >= end) return (await recording) === 'RUNNING' ? 'more' : 'done';
    }
  } catch (err) {
    // The chunk recorded meanwhile stays recorded; the job goes on from its checkpoint.
    await recording.catch(() => null);
    throw err;
  }
}

type Step = 'more' | 'done';

export function importTask(opts: ImportTaskOptions = {}): BackgroundTask {
  const chunkRows = opts.chunkRows ?? 500;
  const roundMs = opts.roundMs ?? 2_000;
  const owner = randomUUID();
  let current: Running | null = null;
  return {
    name: 'imports',
    channel: IMPORT_CHANNEL,
    async runOnce(db: Db) {
      const leaseMs = opts.leaseMs ?? env().IMPORT_LEASE_MS;
      if (!current) {
        const job = await claimImportJob(db, owner, leaseMs);
        if (!job) return false;
        try {
          current = await open(db, job, chunkRows);
        } catch (err) {
          await failed(db, job, owner, err);
          return true;
        }
      }
      const run = current;
      try {
        if ((await runChunks(db, run, owner, { chunkRows, leaseMs, roundMs })) === 'done') current = null;
      } catch (err) {
        // Read again from its checkpoint by the next claim (this worker's lease lets it claim at once).
        current = null;
        if (err instanceof CsvError) await failed(db, run.job, owner, err);
        else throw err;
      }
      return true;
    },
  };
}

async function failed(db: Db, job: ImportJobRow, owner: string, err: unknown) {
  log.warn({ job: job.id, err: loggableError(err) }, 'import failed');
  const why = err instanceof CsvError ? `The file could not be read: ${err.message}` : 'The file could not be read';
  await failImportJob(db, job, owner, why);
}
