// GET /v2/customers/merge/preview?victimId=&survivorId= — the survivor as a merge would leave it, and every blocker
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { requestActorOf } from '@/lib/requests/input';
import { previewMerge } from '@/lib/requests/requests';
import { MergePreviewQuerySchema } from '@/lib/requests/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2' }, async (ctx) => {
  const pair = parseQuery(MergePreviewQuerySchema, ctx.req.url);
  const preview = await previewMerge(await getDb(), requestActorOf(ctx), pair);
  return { status: 200, body: { ...preview, warnings: [] } };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
