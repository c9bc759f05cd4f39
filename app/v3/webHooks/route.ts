// GET /v3/webHooks — the org's webhooks; POST — a new one, its signing secret shown once (§18)
import { getDb } from '@/db/client';
import { adminActorOf } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { issuesToErrors } from '@/lib/customers/issues';
import { ApiError } from '@/lib/errors';
import { createWebhook, getWebhooks } from '@/lib/webhooks/manage';
import { WebhookRequestSchema } from '@/lib/webhooks/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v3', access: 'webhooks:manage', refusal: 8140 }, async ({ actor }) => {
  return { status: 200, body: { data: await getWebhooks(await getDb(), actor.orgId), errors: null, warnings: [] } };
});

export const POST = apiRoute(
  { envelope: 'v3', body: true, access: 'webhooks:manage', refusal: 8140 },
  async ({ actor, requestId, body }) => {
    const parsed = WebhookRequestSchema.safeParse(body);
    if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
    const data = await createWebhook(await getDb(), adminActorOf({ actor, requestId }), parsed.data);
    return { status: 200, body: { data, errors: null, warnings: [] } };
  },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed('v3', ['GET', 'POST']);
