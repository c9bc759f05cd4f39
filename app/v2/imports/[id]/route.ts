// GET /v2/imports/{id} — an import's progress and counts (§19)
import { getDb } from '@/db/client';
import { getImportJob } from '@/db/queries/imports';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { ApiError } from '@/lib/errors';
import { importId, importJobView } from '@/lib/imports/views';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(
  { envelope: 'v2', access: 'customers:import' },
  async ({ actor, params }) => {
    const job = await getImportJob(await getDb(), actor.orgId, importId(params.id));
    if (!job) throw ApiError.of(9604);
    return { status: 200, body: { ...importJobView(job), warnings: [] } };
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
