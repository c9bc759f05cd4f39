// POST /v2/imports?source=&accountId=&dryRun= — a CSV file of customers to register (§19); GET — the list
import { getDb } from '@/db/client';
import { listImportJobs } from '@/db/queries/imports';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { ApiError } from '@/lib/errors';
import { ImportListQuerySchema, ImportQuerySchema } from '@/lib/imports/schemas';
import { MAX_IMPORT_BYTES, uploadImport } from '@/lib/imports/upload';
import { importJobView } from '@/lib/imports/views';

export const dynamic = 'force-dynamic';

export const POST = apiRoute({ envelope: 'v2', access: 'customers:import' }, async ({ req, actor }) => {
  const query = parseQuery(ImportQuerySchema, req.url);
  const type = req.headers.get('content-type') ?? '';
  if (!/^text\/csv\s*(;|$)/i.test(type)) throw ApiError.of(9602);
  if (Number(req.headers.get('content-length') ?? '0') > MAX_IMPORT_BYTES) throw ApiError.of(9603, { max: '200 MiB' });
  const db = await getDb();
  const job = await uploadImport(
    db,
    actor,
    {
      source: query.source,
      accountId: query.accountId,
      dryRun: query.dryRun === 'true',
      fileName: query.fileName?.trim() || null,
    },
    req.bodyStream(),
  );
  return { status: 200, body: { ...importJobView(job), warnings: [] } };
});

export const GET = apiRoute({ envelope: 'v2', access: 'customers:import' }, async ({ req, actor }) => {
  const { limit } = parseQuery(ImportListQuerySchema, req.url);
  const jobs = await listImportJobs(await getDb(), actor.orgId, limit ?? 20);
  return { status: 200, body: { imports: jobs.map(importJobView), warnings: [] } };
});

export const { PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'POST']);
