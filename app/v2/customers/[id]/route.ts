// GET /v2/customers/{id} — the customer with its source accounts (?source=ALL|<source>&accountId=)
// PUT /v2/customers/{id} — update names, channels, fields, status label, loyalty type (?source=&accountId=)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { careInputOf } from '@/lib/api/care-input';
import { CustomerQuerySchema, parseQuery } from '@/lib/api/query';
import type { CustomerWire } from '@/lib/api/schemas';
import { etagOf } from '@/lib/api/versions';
import { parseCustomerId } from '@/lib/customers/customer-id';
import { resolveCustomer } from '@/lib/customers/read';
import { updateCustomer } from '@/lib/customers/update';
import { ApiError, warningItem } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ req, params, actor }) => {
  const { source, accountId } = parseQuery(CustomerQuerySchema, req.url);
  // Not a number, unknown, or another org's: the same 404, so an id never reveals that it exists.
  const id = parseCustomerId(params.id);
  const found = id === null ? null : await resolveCustomer(await getDb(), actor.orgId, id, { source, accountId });
  if (!found) throw ApiError.of(8015);
  const { customer } = found;
  const warnings = [
    ...(found.mergedFrom !== null ? [warningItem(91009)] : []),
    ...(found.deleted ? [warningItem(8109)] : []),
  ];
  const body: CustomerWire = { ...customer, warnings };
  return { status: 200, body, headers: { etag: etagOf(customer.version) } };
});

export const PUT = apiRoute<{ id: string }>({ envelope: 'v2', access: 'customers:write', body: true }, async (ctx) => {
  const result = await updateCustomer(await getDb(), careInputOf(ctx));
  return { status: 200, body: result, headers: { etag: etagOf(result.version) } };
});

export const { POST, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'PUT']);
