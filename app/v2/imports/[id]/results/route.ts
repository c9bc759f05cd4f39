// GET /v2/imports/{id}/results — one line per row recorded so far: row, outcome, customerId, codes, message (§19)
import { getDb } from '@/db/client';
import { getImportJob, readResults } from '@/db/queries/imports';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { ApiError } from '@/lib/errors';
import { importId } from '@/lib/imports/views';
import { resultsCsv } from '@/lib/imports/results';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(
  { envelope: 'v2', access: 'customers:import' },
  async ({ actor, params }) => {
    const db = await getDb();
    const job = await getImportJob(db, actor.orgId, importId(params.id));
    if (!job) throw ApiError.of(9604);
    const stream = resultsCsv((after, limit) => readResults(db, actor.orgId, job.id, after, limit));
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-${job.id}-results.csv"`,
        'cache-control': 'no-store',
      },
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
