// The /v3/webHooks API (§18): create (secret shown once, stored encrypted), read, replace, delete,
// the event metadata, the delivery log and "Send again", for admins of the org only.
import { encode } from 'next-auth/jwt';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffUsers, webhooks } from '@/db/schema';
import { authSecret } from '@/lib/env';
import { GET as LIST, POST as CREATE } from '@/app/v3/webHooks/route';
import { DELETE, GET as READ, PUT } from '@/app/v3/webHooks/[id]/route';
import { GET as EVENTS } from '@/app/v3/webHooks/eventMetaData/route';
import { GET as DELIVERIES } from '@/app/v3/webHooks/[id]/deliveries/route';
import { POST as REDELIVER } from '@/app/v3/webHooks/[id]/deliveries/[deliveryId]/redeliver/route';
import { startWorker } from '@/lib/worker';
import { register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { call, DEMO_TILL, uniqueMobile } from './helpers';
import { startReceiver } from './webhook-helpers';

isolateDatabaseForThisFile();

async function adminCookie(email = 'admin@demo.example'): Promise<string> {
  const [u] = await (await getDb()).select().from(staffUsers).where(eq(staffUsers.email, email));
  const token = await encode({
    token: { userId: u!.id, orgId: u!.orgId, role: u!.role, name: u!.name, email: u!.email },
    secret: authSecret(),
  });
  return `next-auth.session-token=${token}`;
}

type Data<T> = { data: T };
type Hook = { webHookId: number; secret?: string; eventNames: string[]; name: string; webHookUrl: string };
type Delivery = { deliveryId: number; status: string; attempts: number; eventName: string; lastStatus: number | null };

describe('/v3/webHooks', () => {
  it('creates a webhook with its secret shown once, reads, replaces and deletes it', async () => {
    const cookie = await adminCookie();
    const body = { name: 'Warehouse', eventNames: ['customerAdded'], webHookUrl: 'https://hooks.example.com/a' };
    const created = await call<Data<Hook>>(CREATE, { path: '/v3/webHooks', body, headers: { cookie } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.data.webHookId;
    expect(created.body.data.secret).toMatch(/^whsec_/);
    // Stored encrypted, never as itself; never shown again.
    const [row] = await (await getDb()).select().from(webhooks).where(eq(webhooks.id, id));
    expect(row!.secretCiphertext).not.toContain(created.body.data.secret!.slice(6));
    const read = await call<Data<Hook>>(READ, {
      method: 'GET',
      path: `/v3/webHooks/${id}`,
      params: { id: String(id) },
      headers: { cookie },
    });
    expect(read.body.data).not.toHaveProperty('secret');
    const list = await call<Data<Hook[]>>(LIST, { method: 'GET', path: '/v3/webHooks', headers: { cookie } });
    expect(list.body.data.map((h) => h.webHookId)).toContain(id);

    const replaced = await call<Data<Hook>>(PUT, {
      method: 'PUT',
      path: `/v3/webHooks/${id}`,
      params: { id: String(id) },
      body: { ...body, eventNames: ['customerUpdated', 'identifierChanged'] },
      headers: { cookie },
    });
    expect(replaced.body.data.eventNames).toEqual(['customerUpdated', 'identifierChanged']);

    // Another org's admin sees no such webhook.
    const other = await call(READ, {
      method: 'GET',
      path: `/v3/webHooks/${id}`,
      params: { id: String(id) },
      headers: { cookie: await adminCookie('admin@other.example') },
    });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ errors: [{ code: 8141 }] });

    const gone = await call(DELETE, {
      method: 'DELETE',
      path: `/v3/webHooks/${id}`,
      params: { id: String(id) },
      headers: { cookie },
    });
    expect(gone.status).toBe(200);
    expect(
      (await call(READ, { method: 'GET', path: `/v3/webHooks/${id}`, params: { id: String(id) }, headers: { cookie } }))
        .status,
    ).toBe(404);
  });

  it('refuses bad bodies and callers without webhooks:manage', async () => {
    const cookie = await adminCookie();
    const bad = await call(CREATE, {
      path: '/v3/webHooks',
      body: {
        name: 'x',
        eventNames: ['nope'],
        webHookUrl: 'ftp://example.com',
        webHookHeaders: { 'X-MC-Signature': 'x' },
      },
      headers: { cookie },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: unknown[] }).errors.length).toBeGreaterThanOrEqual(3);
    const till = await call(LIST, { method: 'GET', path: '/v3/webHooks', headers: { authorization: DEMO_TILL } });
    expect(till.status).toBe(403);
    expect(till.body).toMatchObject({ data: null, errors: [{ code: 8140 }] });
  });

  it('describes every event with a JSON Schema', async () => {
    const res = await call<Data<{ eventName: string; schema: Record<string, unknown> }[]>>(EVENTS, {
      method: 'GET',
      path: '/v3/webHooks/eventMetaData',
      headers: { cookie: await adminCookie() },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e) => e.eventName)).toContain('customerAdded');
    expect(res.body.data[0]!.schema).toMatchObject({ type: 'object' });
  });

  it('shows the delivery log, and sends a failed delivery again', async () => {
    let fail = true;
    const r = await startReceiver(() => (fail ? 410 : 200));
    const w = await startWorker({ pollMs: 100 });
    try {
      const cookie = await adminCookie();
      const created = await call<Data<Hook>>(CREATE, {
        path: '/v3/webHooks',
        body: { name: 'r', eventNames: ['customerAdded'], webHookUrl: r.url },
        headers: { cookie },
      });
      const id = String(created.body.data.webHookId);
      await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] });
      const log = async (query = '') =>
        (
          await call<Data<Delivery[]>>(DELIVERIES, {
            method: 'GET',
            path: `/v3/webHooks/${id}/deliveries${query}`,
            params: { id },
            headers: { cookie },
          })
        ).body.data;
      const until = async (check: () => Promise<boolean>) => {
        for (let i = 0; i < 200 && !(await check()); i++) await new Promise((res) => setTimeout(res, 50));
      };
      await until(async () => (await log('?status=failed')).length === 1);
      const [failed] = await log('?status=failed');
      expect(failed).toMatchObject({ eventName: 'customerAdded', status: 'failed', attempts: 1, lastStatus: 410 });
      fail = false;
      const again = await call<Data<Delivery>>(REDELIVER, {
        path: `/v3/webHooks/${id}/deliveries/${failed!.deliveryId}/redeliver`,
        params: { id, deliveryId: String(failed!.deliveryId) },
        headers: { cookie },
      });
      expect(again.status).toBe(200);
      expect(again.body.data.status).toBe('pending');
      await until(async () => (await log('?status=delivered')).length === 1);
      expect((await log())[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
      expect(r.received).toHaveLength(2);
      const missing = await call(REDELIVER, {
        path: `/v3/webHooks/${id}/deliveries/999999/redeliver`,
        params: { id, deliveryId: '999999' },
        headers: { cookie },
      });
      expect(missing.status).toBe(404);
    } finally {
      await w.stop();
      await r.close();
    }
  });
});
