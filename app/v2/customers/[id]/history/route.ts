// GET /v2/customers/{id}/history — the customer's history, newest first (?limit=50&before=<entryId>)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { HistoryQuerySchema, parseQuery } from '@/lib/api/query';
import type { HistoryResponse } from '@/lib/api/schemas';
import { getCustomerHistory } from '@/lib/customers/history-read';
import { parseCustomerId } from '@/lib/customers/customer-id';
import { ApiError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ req, params, actor }) => {
  const page = parseQuery(HistoryQuerySchema, req.url);
  const id = parseCustomerId(params.id);
  // Not an id answers like an unknown one.
  if (id === null) throw ApiError.of(8015);
  const body: HistoryResponse = {
    entries: await getCustomerHistory(await getDb(), actor.orgId, id, page),
    warnings: [],
  };
  return { status: 200, body };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
