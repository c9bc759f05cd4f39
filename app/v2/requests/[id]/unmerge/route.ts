// POST /v2/requests/{id}/unmerge — undo a completed merge, within 30 days
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { requestActorOf, requestIdOf } from '@/lib/requests/input';
import { unmergeRequest } from '@/lib/requests/requests';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>({ envelope: 'v2', access: 'requests:approve' }, async (ctx) => {
  const request = await unmergeRequest(await getDb(), requestActorOf(ctx), requestIdOf(ctx.params.id));
  return { status: 200, body: { ...request, warnings: [] } };
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
