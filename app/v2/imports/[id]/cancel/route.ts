// POST /v2/imports/{id}/cancel — stops an import: the chunk under way is finished and recorded, no more (§19)
import { getDb } from '@/db/client';
import { cancelImportJob } from '@/db/queries/imports';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { ApiError } from '@/lib/errors';
import { importId, importJobView } from '@/lib/imports/views';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(
  { envelope: 'v2', access: 'customers:import' },
  async ({ actor, params }) => {
    const id = importId(params.id);
    const { cancelled, job } = await cancelImportJob(await getDb(), actor.orgId, id);
    if (!job) throw ApiError.of(9604);
    if (!cancelled) throw ApiError.of(9605, { id });
    return { status: 200, body: { ...importJobView(job), warnings: [] } };
  },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
