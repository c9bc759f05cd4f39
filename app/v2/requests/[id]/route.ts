// GET /v2/requests/{id} — one request; PUT /v2/requests/{id} — decide it (approve, reject, cancel, re-open)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseBody, requestActorOf, requestIdOf } from '@/lib/requests/input';
import { decideRequest, getRequest } from '@/lib/requests/requests';
import { DecideRequestBodySchema } from '@/lib/requests/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async (ctx) => ({
  status: 200,
  body: { ...(await getRequest(await getDb(), requestActorOf(ctx), requestIdOf(ctx.params.id))), warnings: [] },
}));

// Deciding needs requests:approve (supervisors, admins), but a maker may cancel their own pending request:
// the route lets in whoever may create one (customers:write), decideRequest refuses the rest (403).
export const PUT = apiRoute<{ id: string }>({ envelope: 'v2', access: 'customers:write', body: true }, async (ctx) => {
  const body = parseBody(DecideRequestBodySchema, ctx.body);
  const request = await decideRequest(await getDb(), requestActorOf(ctx), requestIdOf(ctx.params.id), body);
  return { status: 200, body: { ...request, warnings: [] } };
});

export const { POST, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'PUT']);
