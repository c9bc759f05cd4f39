// Webhooks for the tests: one written straight to the database (the outbox tests need no API), a
// receiver on a port of this process that records what it is sent, and the org behind a till.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach } from 'vitest';
import { getDb } from '@/db/client';
import { insertWebhook } from '@/db/queries/webhooks';
import { apiClients, webhookDeliveries, webhooks } from '@/db/schema';
import type { WebhookTaskOptions } from '@/lib/webhooks/task';
import { startWorker } from '@/lib/worker';
import { encryptSecret } from '@/lib/webhooks/secret';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/vocabulary';

export async function orgOfTill(key = 'demo.till'): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ orgId: apiClients.orgId }).from(apiClients).where(eq(apiClients.key, key));
  return row!.orgId;
}

export async function addWebhook(
  orgId: number,
  opts: { url?: string; events?: WebhookEvent[]; secret?: string; headers?: Record<string, string> } = {},
): Promise<number> {
  const row = await insertWebhook(await getDb(), orgId, {
    name: 'test',
    url: opts.url ?? 'http://127.0.0.1:9/none',
    eventNames: opts.events ?? [...WEBHOOK_EVENTS],
    headers: opts.headers ?? {},
    active: true,
    secretCiphertext: encryptSecret(opts.secret ?? 'whsec_test'),
  });
  return row.id;
}

export async function deliveriesOf(orgId: number, customerId: number) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.customerId, customerId)))
    .orderBy(asc(webhookDeliveries.id));
}

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
  /** The sender gave up (closed the connection) before it was answered: its timeout. */
  abandoned: boolean;
}

/**
 * A receiver: answers each request with what `answer` says (200 by default) and records it.
 * `answer` may delay (a slow receiver).
 */
export async function startReceiver(
  answer: (r: Received, n: number) => number | Promise<number> = () => 200,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        abandoned: false,
      };
      received.push(r);
      res.on('close', () => {
        if (!res.writableEnded) r.abandoned = true;
      });
      void Promise.resolve(answer(r, received.length)).then((status) => {
        res.statusCode = status;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Workers, receivers and webhooks for the tests of one file, stopped, closed and deleted after each
 * test (in the reverse order they were made).
 */
export function webhookFixtures() {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    async worker(webhookOptions?: WebhookTaskOptions) {
      const w = await startWorker({ pollMs: 100, webhooks: webhookOptions });
      cleanups.push(() => w.stop());
      return w;
    },
    async receiver(answer?: Parameters<typeof startReceiver>[0]) {
      const r = await startReceiver(answer);
      cleanups.push(() => r.close());
      return r;
    },
    async webhook(orgId: number, url: string, opts: Parameters<typeof addWebhook>[1] = {}) {
      const id = await addWebhook(orgId, { url, ...opts });
      cleanups.push(async () => (await getDb()).delete(webhooks).where(eq(webhooks.id, id)));
      return id;
    },
  };
}
