// GET /v2/customers/{id} — the customer with its source accounts (?source=ALL|<source>&accountId=)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { getCustomer, sourceParamOf, type CustomerView } from '@/lib/customers/read';
import { ApiError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ req, params, actor }) => {
  const query = new URL(req.url).searchParams;
  const source = sourceParamOf(query.get('source'));
  const accountId = query.get('accountId')?.trim() || undefined;
  // Not a number, unknown, or another org's: the same 404, so an id never reveals that it exists.
  const id = /^\d{1,18}$/.test(params.id) ? Number(params.id) : NaN;
  const customer: CustomerView | null = await getCustomer(await getDb(), actor.orgId, id, { source, accountId });
  if (!customer) throw ApiError.of(8015);
  return { status: 200, body: customer };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
