// POST /v3/webHooks/{id}/deliveries/{deliveryId}/redeliver — send the event again ("Send again", §18)
import { getDb } from '@/db/client';
import { adminActorOf } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { pathId } from '@/lib/webhooks/access';
import { sendAgain } from '@/lib/webhooks/manage';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string; deliveryId: string }>(
  { envelope: 'v3', access: 'webhooks:manage', refusal: 8140 },
  async ({ actor, requestId, params }) => {
    const id = pathId(params.id, 8141);
    const deliveryId = pathId(params.deliveryId, 8142);
    const data = await sendAgain(await getDb(), adminActorOf({ actor, requestId }), id, deliveryId);
    return { status: 200, body: { data, errors: null, warnings: [] } };
  },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v3', ['POST']);
