// POST /v2/imports: the CSV arrives as a stream and is stored in the database in parts of about 1 MiB
// (import_file_parts), so any worker process reads it and it survives a crash; it is parsed as it
// arrives, to count its rows and report its columns, without being held whole.
import type { Db } from '@/db/client';
import {
  createImportJob,
  deleteImportJob,
  insertFilePart,
  queueImportJob,
  type ImportJobRow,
} from '@/db/queries/imports';
import type { Actor } from '@/lib/auth/actor';
import { getOrgConfig } from '@/lib/config/cache';
import { ApiError } from '@/lib/errors';
import { canonicalSource, isMultiAccountSource } from '@/lib/vocabulary';
import { mapColumns } from './columns';
import { CsvError, csvParser } from './csv';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const PART_BYTES = 1024 * 1024;

export interface ImportRequest {
  source: string | undefined;
  accountId: string | undefined;
  dryRun: boolean;
  fileName: string | null;
}

/** The source account the rows go to: enabled for the org (3217), a configured account (8127). */
async function targetOf(orgId: number, req: ImportRequest): Promise<{ source: string; accountId: string }> {
  const source = canonicalSource(req.source?.trim() || 'INSTORE');
  const config = await getOrgConfig(orgId);
  if (!config) throw ApiError.of(401);
  const enabled = source && config.sources.find((s) => s.source === source);
  if (!source || !enabled) throw ApiError.of(3217, undefined, { field: 'source' });
  const accountId = req.accountId?.trim() ?? '';
  if (isMultiAccountSource(source) ? !enabled.accounts.some((a) => a.accountId === accountId) : accountId !== '') {
    throw ApiError.of(8127, undefined, { field: 'accountId' });
  }
  return { source, accountId };
}

/** Stores and checks the file, then queues the job; the job as queued. A refused or broken upload leaves nothing. */
export async function uploadImport(
  db: Db,
  actor: Actor,
  req: ImportRequest,
  body: AsyncIterable<Uint8Array>,
): Promise<ImportJobRow> {
  const target = await targetOf(actor.orgId, req);
  const jobId = await createImportJob(db, {
    orgId: actor.orgId,
    dryRun: req.dryRun,
    source: target.source,
    accountId: target.accountId,
    actor: { ...actor },
    actorType: actor.type,
    actorCode: actor.code,
    fileName: req.fileName,
  });
  try {
    const file = await storeAndCount(db, actor.orgId, jobId, body);
    return await queueImportJob(db, actor.orgId, jobId, file);
  } catch (err) {
    await deleteImportJob(db, actor.orgId, jobId).catch(() => {});
    throw err;
  }
}

async function storeAndCount(db: Db, orgId: number, jobId: number, body: AsyncIterable<Uint8Array>) {
  const parser = csvParser();
  let header: string[] | null = null;
  let rows = 0;
  let parseError: unknown = null;
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) {
      if (header === null) header = record;
      else rows++;
    }
  });
  parser.on('error', (err) => (parseError ??= err));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));

  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await insertFilePart(db, { orgId, jobId, seq: seq++, data });
  };
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IMPORT_BYTES) throw ApiError.of(9603, { max: '200 MiB' });
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (parseError === null) parser.write(buf);
    pending.push(Buffer.from(buf));
    pendingBytes += buf.length;
    if (pendingBytes >= PART_BYTES) await flush();
  }
  await flush();
  parser.end();
  await ended;
  if (parseError !== null) {
    const problem = parseError instanceof CsvError ? parseError.message : 'not a readable CSV file';
    throw ApiError.of(400, { path: 'body', problem }, { field: 'body' });
  }
  if (header === null)
    throw ApiError.of(400, { path: 'body', problem: 'a CSV file with a header row' }, { field: 'body' });
  const { recognised, ignored } = mapColumns(header);
  if (recognised.length === 0) {
    throw ApiError.of(400, { path: 'body', problem: 'the header names no column an import reads' }, { field: 'body' });
  }
  return { bytes, columns: recognised, ignoredColumns: ignored, rowsTotal: rows };
}
