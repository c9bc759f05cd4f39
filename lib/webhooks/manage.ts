// Managing an org's webhooks (the /v3/webHooks routes and the Webhooks page): every call is scoped to
// the caller's org; another org's webhook answers 8141 like an unknown one.
import 'server-only';
import type { Db } from '@/db/client';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  updateWebhook,
  type DeliveryRow,
  type WebhookRow,
} from '@/db/queries/webhooks';
import { ApiError } from '@/lib/errors';
import type { DeliveryStatus } from '@/lib/vocabulary';
import type { DeliveryView, WebhookRequest, WebhookView } from './schemas';
import { encryptSecret, newWebhookSecret } from './secret';

const iso = (v: string | Date) => new Date(v).toISOString();

function viewOf(w: WebhookRow): WebhookView {
  return {
    webHookId: w.id,
    name: w.name,
    eventNames: w.eventNames,
    webHookUrl: w.url,
    webHookHeaders: w.headers,
    active: w.active,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

function deliveryViewOf(d: DeliveryRow): DeliveryView {
  return {
    deliveryId: d.id,
    eventId: d.eventId,
    eventName: d.eventName,
    customerId: d.customerId,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    deliveredAt: d.deliveredAt ? iso(d.deliveredAt) : null,
    createdAt: iso(d.createdAt),
  };
}

const valuesOf = (r: WebhookRequest) => ({
  name: r.name,
  url: r.webHookUrl,
  eventNames: r.eventNames,
  headers: r.webHookHeaders,
  active: r.active,
});

/** A new webhook, with its signing secret: the only time the secret is shown. */
export async function createWebhook(
  db: Db,
  orgId: number,
  r: WebhookRequest,
): Promise<WebhookView & { secret: string }> {
  const secret = newWebhookSecret();
  const row = await insertWebhook(db, orgId, { ...valuesOf(r), secretCiphertext: encryptSecret(secret) });
  return { ...viewOf(row), secret };
}

export async function getWebhooks(db: Db, orgId: number): Promise<WebhookView[]> {
  return (await listWebhooks(db, orgId)).map(viewOf);
}

async function existing(db: Db, orgId: number, id: number): Promise<WebhookRow> {
  const row = await findWebhook(db, orgId, id);
  if (!row) throw ApiError.of(8141);
  return row;
}

export async function getWebhook(db: Db, orgId: number, id: number): Promise<WebhookView> {
  return viewOf(await existing(db, orgId, id));
}

/** Replaces the settings, the event list included (as Capillary does); the secret stays. */
export async function replaceWebhook(db: Db, orgId: number, id: number, r: WebhookRequest): Promise<WebhookView> {
  const row = await updateWebhook(db, orgId, id, valuesOf(r));
  if (!row) throw ApiError.of(8141);
  return viewOf(row);
}

export async function removeWebhook(db: Db, orgId: number, id: number): Promise<void> {
  if (!(await deleteWebhook(db, orgId, id))) throw ApiError.of(8141);
}

export async function getDeliveries(
  db: Db,
  orgId: number,
  webhookId: number,
  q: { status?: DeliveryStatus; limit: number },
): Promise<DeliveryView[]> {
  await existing(db, orgId, webhookId);
  return (await listDeliveries(db, { orgId, webhookId, ...q })).map(deliveryViewOf);
}

export async function sendAgain(db: Db, orgId: number, webhookId: number, deliveryId: number): Promise<DeliveryView> {
  await existing(db, orgId, webhookId);
  const row = await redeliver(db, { orgId, webhookId, deliveryId });
  if (!row) throw ApiError.of(8142);
  return deliveryViewOf(row);
}
