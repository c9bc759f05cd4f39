// POST /v2/customers — register a customer or add a source account
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { withIdempotency } from '@/lib/api/idempotency';
import { registerWithCurrentConfig } from '@/lib/customers/register';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(
  { envelope: 'create', access: 'customers:write', body: true },
  async ({ req, actor, body, requestId, userContext }) =>
    withIdempotency({ req, actor, body }, async () => ({
      status: 200,
      body: await registerWithCurrentConfig(await getDb(), { actor, body, requestId, userContext }),
    })),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('create', ['POST']);
