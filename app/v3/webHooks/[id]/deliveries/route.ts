// GET /v3/webHooks/{id}/deliveries?status=&limit= — the webhook's delivery log, newest first (§18)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { pathId } from '@/lib/webhooks/access';
import { getDeliveries } from '@/lib/webhooks/manage';
import { DeliveryQuerySchema } from '@/lib/webhooks/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(
  { envelope: 'v3', access: 'webhooks:manage', refusal: 8140 },
  async ({ req, actor, params }) => {
    const id = pathId(params.id, 8141);
    const query = parseQuery(DeliveryQuerySchema, req.url);
    const data = await getDeliveries(await getDb(), actor.orgId, id, query);
    return { status: 200, body: { data, errors: null, warnings: [] } };
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v3', ['GET']);
