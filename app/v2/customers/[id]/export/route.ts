// GET /v2/customers/{id}/export — every piece of personal data held on the customer (subject access)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseCustomerId } from '@/lib/customers/customer-id';
import { ApiError } from '@/lib/errors';
import { exportCustomer } from '@/lib/requests/export';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ params, actor }) => {
  const id = parseCustomerId(params.id);
  if (id === null) throw ApiError.of(8015);
  return { status: 200, body: { ...(await exportCustomer(await getDb(), actor.orgId, id)), warnings: [] } };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
