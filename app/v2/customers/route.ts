// POST /v2/customers — register a customer or add a source account
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { withIdempotency } from '@/lib/api/idempotency';
import { getOrgConfig } from '@/lib/config/cache';
import { registerCustomer } from '@/lib/customers/register';
import { ApiError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const POST = apiRoute({ envelope: 'create', write: true, body: true }, async ({ req, actor, body, requestId, userContext }) =>
  withIdempotency({ req, actor, body }, async () => {
    const config = await getOrgConfig(actor.orgId);
    if (!config) throw ApiError.of(401);
    const result = await registerCustomer(await getDb(), { config, actor, body, requestId, userContext });
    return { status: 200, body: result };
  }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('create', ['POST']);
