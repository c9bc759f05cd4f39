// Managing an org's webhooks (the /v3/webHooks routes and the Webhooks page): every call is scoped to
// the caller's org; another org's webhook answers 8141 like an unknown one. Each decision (create,
// replace, delete, send again) and its admin log entry are one transaction; the log has before → after
// of the settings, never the signing secret and never a header's value (headers carry credentials).
import 'server-only';
import type { Db, DbOrTx } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import {
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertWebhook,
  lastDeliveryStatuses,
  listDeliveries,
  listWebhooks,
  redeliver,
  updateWebhook,
  type DeliveryRow,
  type WebhookRow,
} from '@/db/queries/webhooks';
import { changesOf, type AdminActor } from '@/lib/admin/common';
import { logActor } from '@/lib/admin/staff';
import { ApiError } from '@/lib/errors';
import type { HistoryChange } from '@/db/schema';
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

/** What the admin log keeps of a webhook's settings: header names only, never their values. */
function loggedOf(w: WebhookRow) {
  return {
    name: w.name,
    url: w.url,
    eventNames: w.eventNames,
    headerNames: Object.keys(w.headers).sort(),
    active: w.active,
  };
}

async function log(tx: DbOrTx, actor: AdminActor, action: string, target: string, changes: HistoryChange[]) {
  await insertAdminLogEntry(tx, actor.orgId, { ...logActor(actor), action, target, changes });
}

/** A new webhook, with its signing secret: the only time the secret is shown. */
export async function createWebhook(
  db: Db,
  actor: AdminActor,
  r: WebhookRequest,
): Promise<WebhookView & { secret: string }> {
  const secret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    const row = await insertWebhook(tx, actor.orgId, { ...valuesOf(r), secretCiphertext: encryptSecret(secret) });
    await log(tx, actor, 'webhook.create', `webhook:${row.id}`, changesOf({}, loggedOf(row)));
    return row;
  });
  return { ...viewOf(row), secret };
}

export async function getWebhooks(db: Db, orgId: number): Promise<WebhookView[]> {
  return (await listWebhooks(db, orgId)).map(viewOf);
}

/** The Webhooks page's table: each webhook with the status of its newest delivery (null: none yet). */
export async function getWebhooksWithLastDelivery(
  db: Db,
  orgId: number,
): Promise<(WebhookView & { lastDeliveryStatus: DeliveryStatus | null })[]> {
  const [hooks, last] = await Promise.all([listWebhooks(db, orgId), lastDeliveryStatuses(db, orgId)]);
  return hooks.map((w) => ({ ...viewOf(w), lastDeliveryStatus: last.get(w.id) ?? null }));
}

async function existing(db: DbOrTx, orgId: number, id: number): Promise<WebhookRow> {
  const row = await findWebhook(db, orgId, id);
  if (!row) throw ApiError.of(8141);
  return row;
}

export async function getWebhook(db: Db, orgId: number, id: number): Promise<WebhookView> {
  return viewOf(await existing(db, orgId, id));
}

/** Replaces the settings, the event list included (as Capillary does); the secret stays. */
export async function replaceWebhook(db: Db, actor: AdminActor, id: number, r: WebhookRequest): Promise<WebhookView> {
  return db.transaction(async (tx) => {
    const current = await findWebhook(tx, actor.orgId, id, { lock: true });
    if (!current) throw ApiError.of(8141);
    const row = (await updateWebhook(tx, actor.orgId, id, valuesOf(r)))!;
    const changes = changesOf(loggedOf(current), loggedOf(row));
    if (changes.length > 0) await log(tx, actor, 'webhook.update', `webhook:${id}`, changes);
    return viewOf(row);
  });
}

export async function removeWebhook(db: Db, actor: AdminActor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await findWebhook(tx, actor.orgId, id, { lock: true });
    if (!current || !(await deleteWebhook(tx, actor.orgId, id))) throw ApiError.of(8141);
    const before = loggedOf(current);
    const changes = Object.entries(before).map(([path, value]) => ({ path, before: value, after: null }));
    await log(tx, actor, 'webhook.delete', `webhook:${id}`, changes);
  });
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

export async function sendAgain(
  db: Db,
  actor: AdminActor,
  webhookId: number,
  deliveryId: number,
): Promise<DeliveryView> {
  return db.transaction(async (tx) => {
    await existing(tx, actor.orgId, webhookId);
    const before = await findDelivery(tx, { orgId: actor.orgId, webhookId, deliveryId });
    const row = before && (await redeliver(tx, { orgId: actor.orgId, webhookId, deliveryId }));
    if (!before || !row) throw ApiError.of(8142);
    await log(tx, actor, 'webhook.redeliver', `webhook:${webhookId}`, [
      { path: `deliveries.${deliveryId}.status`, before: before.status, after: row.status },
    ]);
    return deliveryViewOf(row);
  });
}
