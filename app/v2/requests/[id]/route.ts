// GET /v2/requests/{id} — one request; PUT /v2/requests/{id} — decide it (approve, reject, cancel, re-open)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseBody, requestActorOf, requestIdOf } from '@/lib/requests/input';
import { decideRequest, getRequest } from '@/lib/requests/requests';
import { DecideRequestBodySchema } from '@/lib/requests/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ params, actor }) => ({
  status: 200,
  body: { ...(await getRequest(await getDb(), actor.orgId, requestIdOf(params.id))), warnings: [] },
}));

// Every decision needs requests:approve (supervisors, admins), refused before the rate limit counts it.
export const PUT = apiRoute<{ id: string }>({ envelope: 'v2', access: 'requests:approve', body: true }, async (ctx) => {
  const body = parseBody(DecideRequestBodySchema, ctx.body);
  const request = await decideRequest(await getDb(), requestActorOf(ctx), requestIdOf(ctx.params.id), body);
  return { status: 200, body: { ...request, warnings: [] } };
});

export const { POST, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'PUT']);
