// GET / PUT / DELETE /v3/webHooks/{id} — one webhook; PUT replaces its settings and event list (§18)
import { getDb } from '@/db/client';
import { adminActorOf } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { issuesToErrors } from '@/lib/customers/issues';
import { ApiError } from '@/lib/errors';
import { pathId } from '@/lib/webhooks/access';
import { getWebhook, removeWebhook, replaceWebhook } from '@/lib/webhooks/manage';
import { WebhookRequestSchema } from '@/lib/webhooks/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(
  { envelope: 'v3', access: 'webhooks:manage', refusal: 8140 },
  async ({ actor, params }) => {
    const data = await getWebhook(await getDb(), actor.orgId, pathId(params.id, 8141));
    return { status: 200, body: { data, errors: null, warnings: [] } };
  },
);

export const PUT = apiRoute<{ id: string }>(
  { envelope: 'v3', body: true, access: 'webhooks:manage', refusal: 8140 },
  async ({ actor, requestId, params, body }) => {
    const id = pathId(params.id, 8141);
    const parsed = WebhookRequestSchema.safeParse(body);
    if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
    const data = await replaceWebhook(await getDb(), adminActorOf({ actor, requestId }), id, parsed.data);
    return { status: 200, body: { data, errors: null, warnings: [] } };
  },
);

export const DELETE = apiRoute<{ id: string }>(
  { envelope: 'v3', access: 'webhooks:manage', refusal: 8140 },
  async ({ actor, requestId, params }) => {
    const id = pathId(params.id, 8141);
    await removeWebhook(await getDb(), adminActorOf({ actor, requestId }), id);
    return { status: 200, body: { data: { webHookId: id }, errors: null, warnings: [] } };
  },
);

export const { POST, PATCH } = methodNotAllowed('v3', ['GET', 'PUT', 'DELETE']);
