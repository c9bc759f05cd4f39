// GET /v2/requests — the org's requests, newest first (?status=&baseType=&customerId=&limit=)
// POST /v2/requests — create a merge or a PII deletion request (?client_auto_approve=true)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { parseBody, requestActorOf } from '@/lib/requests/input';
import { createRequest, listOrgRequests } from '@/lib/requests/requests';
import { CreateRequestBodySchema, RequestListQuerySchema } from '@/lib/requests/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2' }, async ({ req, actor }) => {
  const q = parseQuery(RequestListQuerySchema, req.url);
  return { status: 200, body: { requests: await listOrgRequests(await getDb(), actor.orgId, q), warnings: [] } };
});

export const POST = apiRoute({ envelope: 'v2', access: 'customers:write', body: true }, async (ctx) => {
  const body = parseBody(CreateRequestBodySchema, ctx.body);
  const clientAutoApprove = new URL(ctx.req.url).searchParams.get('client_auto_approve') === 'true';
  const { request, warnings } = await createRequest(await getDb(), requestActorOf(ctx), body, { clientAutoApprove });
  return { status: 200, body: { createdId: request.id, status: request.status, warnings } };
});

export const { PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'POST']);
