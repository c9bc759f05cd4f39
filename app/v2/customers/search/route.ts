// GET /v2/customers/search — the counter's search: identifiers exactly or by prefix, names by word prefix
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseQuery, SearchQuerySchema } from '@/lib/api/query';
import type { CustomerSearchResponse } from '@/lib/api/schemas';
import { searchCustomers } from '@/lib/customers/search';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2' }, async ({ req, actor }) => {
  const params = parseQuery(SearchQuerySchema, req.url);
  const body: CustomerSearchResponse = {
    customers: await searchCustomers(await getDb(), actor.orgId, params),
    warnings: [],
  };
  return { status: 200, body };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
