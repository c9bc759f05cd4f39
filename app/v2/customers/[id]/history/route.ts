// GET /v2/customers/{id}/history — the customer's history, newest first (?limit=50&before=<entryId>)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { getCustomerHistory, historyPageOf } from '@/lib/customers/history-read';
import { customerIdParam } from '@/lib/customers/read';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>({ envelope: 'v2' }, async ({ req, params, actor }) => {
  const page = historyPageOf(new URL(req.url).searchParams);
  const history = await getCustomerHistory(await getDb(), actor.orgId, customerIdParam(params.id), page);
  return { status: 200, body: history };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
