// GET /v3/webHooks/eventMetaData — every event, what it means, and the JSON Schema of its body (§18)
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { eventMetaData } from '@/lib/webhooks/events';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v3', access: 'webhooks:manage', refusal: 8140 }, async () => {
  return { status: 200, body: { data: eventMetaData(), errors: null, warnings: [] } };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v3', ['GET']);
