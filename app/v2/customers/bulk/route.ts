// POST /v2/customers/bulk — 1 to 100 registrations, each on its own, answered in order
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { registerBulk } from '@/lib/customers/bulk';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(
  { envelope: 'v2', access: 'customers:write', body: 'array' },
  async ({ actor, body, requestId, userContext }) => ({
    status: 200,
    body: {
      results: await registerBulk(await getDb(), { actor, bodies: body as unknown[], requestId, userContext }),
      warnings: [],
    },
  }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
