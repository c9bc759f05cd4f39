// Webhook decisions in the admin log (§16, GET /v2/audit): creating, replacing, deleting a webhook and
// sending a delivery again each leave one entry with before → after, written with the change; the
// signing secret and the headers' values never appear, and a refused change leaves no entry.
import { encode } from 'next-auth/jwt';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, staffUsers, webhookDeliveries } from '@/db/schema';
import { authSecret } from '@/lib/env';
import { GET as AUDIT } from '@/app/v2/audit/route';
import { POST as CREATE } from '@/app/v3/webHooks/route';
import { DELETE, PUT } from '@/app/v3/webHooks/[id]/route';
import { POST as REDELIVER } from '@/app/v3/webHooks/[id]/deliveries/[deliveryId]/redeliver/route';
import { register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { call, uniqueMobile } from './helpers';

isolateDatabaseForThisFile();

async function adminCookie(): Promise<{ cookie: string; orgId: number; email: string }> {
  const [u] = await (await getDb()).select().from(staffUsers).where(eq(staffUsers.email, 'admin@demo.example'));
  const token = await encode({
    token: { userId: u!.id, orgId: u!.orgId, role: u!.role, name: u!.name, email: u!.email },
    secret: authSecret(),
  });
  return { cookie: `next-auth.session-token=${token}`, orgId: u!.orgId, email: u!.email };
}

type Entry = {
  id: number;
  action: string;
  target: string;
  actor: { type: string; code: string };
  changes: { path: string; before: unknown; after: unknown }[];
};

async function entriesFor(cookie: string, target: string): Promise<Entry[]> {
  const res = await call<{ entries: Entry[] }>(AUDIT, {
    method: 'GET',
    path: '/v2/audit?limit=200',
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return res.body.entries.filter((e) => e.target === target);
}

const SECRET_HEADER = 'Bearer very-secret-token-4711';

describe('webhook decisions in the admin log', () => {
  it('records create, replace, send again and delete with before → after, never a secret', async () => {
    const { cookie, orgId } = await adminCookie();
    const body = {
      name: 'Warehouse',
      eventNames: ['customerAdded'],
      webHookUrl: 'https://hooks.example.com/a',
      webHookHeaders: { Authorization: SECRET_HEADER },
    };
    const created = await call<{ data: { webHookId: number; secret: string } }>(CREATE, {
      path: '/v3/webHooks',
      body,
      headers: { cookie },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.data.webHookId;
    const target = `webhook:${id}`;
    const params = { id: String(id) };

    let entries = await entriesFor(cookie, target);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'webhook.create', actor: { code: 'admin@demo.example' } });
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'name', before: null, after: 'Warehouse' },
        { path: 'url', before: null, after: 'https://hooks.example.com/a' },
        { path: 'eventNames', before: null, after: ['customerAdded'] },
        { path: 'headerNames', before: null, after: ['Authorization'] },
      ]),
    );

    const replaced = await call(PUT, {
      method: 'PUT',
      path: `/v3/webHooks/${id}`,
      params,
      body: { ...body, eventNames: ['customerAdded', 'customerUpdated'], active: false },
      headers: { cookie },
    });
    expect(replaced.status).toBe(200);
    entries = await entriesFor(cookie, target);
    expect(entries[0]!.action).toBe('webhook.update');
    expect(entries[0]!.changes).toEqual([
      { path: 'eventNames', before: ['customerAdded'], after: ['customerAdded', 'customerUpdated'] },
      { path: 'active', before: true, after: false },
    ]);

    // A delivery to send again: the webhook active again, a registration writes its event.
    await call(PUT, { method: 'PUT', path: `/v3/webHooks/${id}`, params, body, headers: { cookie } });
    await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] });
    const db = await getDb();
    const [delivery] = await db
      .update(webhookDeliveries)
      .set({ status: 'failed' })
      .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.webhookId, id)))
      .returning();
    expect(delivery).toBeDefined();
    const again = await call(REDELIVER, {
      path: `/v3/webHooks/${id}/deliveries/${delivery!.id}/redeliver`,
      params: { ...params, deliveryId: String(delivery!.id) },
      headers: { cookie },
    });
    expect(again.status).toBe(200);
    entries = await entriesFor(cookie, target);
    expect(entries[0]).toMatchObject({
      action: 'webhook.redeliver',
      changes: [{ path: `deliveries.${delivery!.id}.status`, before: 'failed', after: 'pending' }],
    });

    const gone = await call(DELETE, { method: 'DELETE', path: `/v3/webHooks/${id}`, params, headers: { cookie } });
    expect(gone.status).toBe(200);
    entries = await entriesFor(cookie, target);
    expect(entries.map((e) => e.action)).toEqual([
      'webhook.delete',
      'webhook.redeliver',
      'webhook.update',
      'webhook.update',
      'webhook.create',
    ]);
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([{ path: 'url', before: 'https://hooks.example.com/a', after: null }]),
    );

    // Neither the signing secret nor a header's value is in any stored entry.
    const stored = JSON.stringify(await db.select().from(auditLog).where(eq(auditLog.orgId, orgId)));
    expect(stored).not.toContain(created.body.data.secret);
    expect(stored).not.toContain(created.body.data.secret.slice(6));
    expect(stored).not.toContain('very-secret-token');
  });

  it('a refused change (an unknown webhook) leaves no entry', async () => {
    const { cookie, orgId } = await adminCookie();
    const db = await getDb();
    const count = async () => (await db.select().from(auditLog).where(eq(auditLog.orgId, orgId))).length;
    const before = await count();
    const gone = await call(DELETE, {
      method: 'DELETE',
      path: '/v3/webHooks/999999',
      params: { id: '999999' },
      headers: { cookie },
    });
    expect(gone.status).toBe(404);
    const put = await call(PUT, {
      method: 'PUT',
      path: '/v3/webHooks/999999',
      params: { id: '999999' },
      body: { name: 'x', eventNames: ['customerAdded'], webHookUrl: 'https://hooks.example.com/x' },
      headers: { cookie },
    });
    expect(put.status).toBe(404);
    expect(await count()).toBe(before);
  });
});
