// API client administration (api-contract §16): GET/POST /v2/apiClients, PATCH /v2/apiClients/{id},
// POST /v2/apiClients/{id}/rotate. Secrets are generated, shown once, never listed or logged; a
// revoked or rotated secret stops working (in this process at once, elsewhere within the recheck).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PATCH as updateClient } from '@/app/v2/apiClients/[id]/route';
import { POST as rotate } from '@/app/v2/apiClients/[id]/rotate/route';
import { GET as listClients, POST as createClient } from '@/app/v2/apiClients/route';
import { GET as auditLog } from '@/app/v2/audit/route';
import { GET as searchCustomers } from '@/app/v2/customers/search/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { POST as generateToken } from '@/app/v3/oauth/token/generate/route';
import { getDb } from '@/db/client';
import { apiClients, tills } from '@/db/schema';
import { forgetCachedRows } from '@/lib/auth/recheck';
import { basicAuth, call, newCustomerBody } from './helpers';
import { newAdminOrg } from './admin-helpers';

type Failure = { errors: { code: number; field?: string }[] };
type Created = { id: number; key: string; secret: string } & Failure;
type Listed = { clients: Record<string, unknown>[] };

const register = (authorization: string) =>
  call(registerCustomer, { body: newCustomerBody(), headers: { authorization, 'x-forwarded-for': '10.8.0.1' } });
const add = (headers: Record<string, string>, body: unknown) =>
  call<Created>(createClient, { path: '/v2/apiClients', body, headers });
const patch = (headers: Record<string, string>, id: number, body: unknown) =>
  call<Record<string, unknown> & Failure>(updateClient, {
    method: 'PATCH',
    path: `/v2/apiClients/${id}`,
    params: { id: String(id) },
    body,
    headers,
  });
const rotateOf = (headers: Record<string, string>, id: number, body: unknown) =>
  call<{ secret: string } & Failure>(rotate, {
    path: `/v2/apiClients/${id}/rotate`,
    params: { id: String(id) },
    body,
    headers,
  });

describe('POST /v2/apiClients', () => {
  it('a till whose generated secret works with Basic at once, listed without any secret', async () => {
    const org = await newAdminOrg();
    const key = `store-${org.tag}.till`;
    const res = await add(org.admin, { kind: 'TILL', key, access: ['customers:write'] });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'key', 'secret']);
    expect(Buffer.from(res.body.secret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect((await register(basicAuth(key, res.body.secret))).status).toBe(200);
    expect((await register(basicAuth(key, 'wrong'))).status).toBe(401);

    const list = await call<Listed>(listClients, { method: 'GET', path: '/v2/apiClients', headers: org.admin });
    expect(list.status).toBe(200);
    expect(list.body.clients).toEqual([
      {
        id: res.body.id,
        kind: 'TILL',
        key,
        tillCode: key,
        access: ['customers:write'],
        active: true,
        createdAt: expect.any(String),
        lastUsedAt: expect.toSatisfy((v) => v === null || typeof v === 'string'),
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
  });

  it('lastUsedAt is written after use, without a write per request', async () => {
    const org = await newAdminOrg();
    const key = `used-${org.tag}.till`;
    const { body } = await add(org.admin, { kind: 'TILL', key, access: ['customers:write'] });
    for (let i = 0; i < 3; i++) expect((await register(basicAuth(key, body.secret))).status).toBe(200);
    let lastUsedAt: unknown = null;
    for (let i = 0; i < 40 && !lastUsedAt; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const list = await call<Listed>(listClients, { method: 'GET', path: '/v2/apiClients', headers: org.admin });
      lastUsedAt = list.body.clients[0]?.lastUsedAt;
    }
    expect(lastUsedAt).toEqual(expect.any(String));
  });

  it('a till added in Settings becomes the client of the same code (one thing, not two)', async () => {
    const org = await newAdminOrg();
    const db = await getDb();
    const code = `settings-${org.tag}.till`;
    await db.insert(tills).values({ orgId: org.orgId, code, name: 'Front desk' });
    const res = await add(org.admin, { kind: 'TILL', key: code, access: ['customers:read'] });
    expect(res.status).toBe(200);
    const rows = await db
      .select()
      .from(tills)
      .where(and(eq(tills.orgId, org.orgId), eq(tills.code, code)));
    expect(rows).toHaveLength(1);
    const [client] = await db.select().from(apiClients).where(eq(apiClients.id, res.body.id));
    expect(client?.tillId).toBe(rows[0]!.id);
  });

  it('an OAuth client gets tokens with its secret, and reads only when it holds customers:read', async () => {
    const org = await newAdminOrg();
    const key = `reader-${org.tag}`;
    const { body } = await add(org.admin, { kind: 'OAUTH_CLIENT', key, access: ['customers:read'] });
    const token = await call<{ data: { accessToken: string } }>(generateToken, {
      path: '/v3/oauth/token/generate',
      body: { key, secret: body.secret },
    });
    expect(token.status).toBe(200);
    const headers = { 'x-cap-api-oauth-token': token.body.data.accessToken };
    expect((await call(searchCustomers, { method: 'GET', path: '/v2/customers/search?q=919', headers })).status).toBe(
      200,
    );
    expect((await call(registerCustomer, { body: newCustomerBody(), headers })).status).toBe(403);
  });

  it('refuses a key any org uses (409, 9703), and a bad body with every problem named', async () => {
    const org = await newAdminOrg();
    for (const body of [
      { kind: 'TILL', key: 'demo.till', access: [] },
      { kind: 'OAUTH_CLIENT', key: 'demo-key', access: [] },
    ]) {
      const res = await add(org.admin, body);
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 9703, field: 'key' })]);
    }
    const bad = await add(org.admin, { kind: 'KIOSK', key: 'a b', access: ['everything'], secret: 'mine' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['access[0]', 'body', 'key', 'kind']);
  });
});

describe('PATCH /v2/apiClients/{id} and rotate', () => {
  it('a revoked till stops authenticating; restored, it works again', async () => {
    const org = await newAdminOrg();
    const key = `revoke-${org.tag}.till`;
    const { body } = await add(org.admin, { kind: 'TILL', key, access: ['customers:write'] });
    const auth = basicAuth(key, body.secret);
    expect((await register(auth)).status).toBe(200);
    const revoked = await patch(org.admin, body.id, { active: false });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false });
    expect((await register(auth)).status).toBe(401);
    expect((await patch(org.admin, body.id, { active: true, access: ['customers:read'] })).status).toBe(200);
    expect((await register(auth)).status).toBe(403);
  });

  it('rotation without overlap: the old secret fails, the new one works', async () => {
    const org = await newAdminOrg();
    const key = `rotate-${org.tag}.till`;
    const { body } = await add(org.admin, { kind: 'TILL', key, access: ['customers:write'] });
    expect((await register(basicAuth(key, body.secret))).status).toBe(200);
    const res = await rotateOf(org.admin, body.id, { overlapSeconds: 0 });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['secret']);
    expect((await register(basicAuth(key, body.secret))).status).toBe(401);
    expect((await register(basicAuth(key, res.body.secret))).status).toBe(200);
  });

  it('rotation with an overlap: both work until the overlap ends, then only the new one', async () => {
    const org = await newAdminOrg();
    const key = `overlap-${org.tag}`;
    const { body } = await add(org.admin, { kind: 'OAUTH_CLIENT', key, access: ['customers:write'] });
    const tokenWith = async (secret: string) =>
      (await call(generateToken, { path: '/v3/oauth/token/generate', body: { key, secret } })).status;
    expect(await tokenWith(body.secret)).toBe(200);
    const res = await rotateOf(org.admin, body.id, { overlapSeconds: 3600 });
    expect(await tokenWith(body.secret)).toBe(200);
    expect(await tokenWith(res.body.secret)).toBe(200);
    // The hour passes.
    const db = await getDb();
    await db
      .update(apiClients)
      .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiClients.id, body.id));
    forgetCachedRows();
    expect(await tokenWith(body.secret)).toBe(401);
    expect(await tokenWith(res.body.secret)).toBe(200);
  });

  it('answers 404 for another org’s client and 400 for an overlap out of range', async () => {
    const org = await newAdminOrg();
    const db = await getDb();
    const [demo] = await db.select().from(apiClients).where(eq(apiClients.key, 'demo.till'));
    expect((await patch(org.admin, demo!.id, { active: false })).status).toBe(404);
    expect((await rotateOf(org.admin, demo!.id, { overlapSeconds: 0 })).status).toBe(404);
    const { body } = await add(org.admin, { kind: 'TILL', key: `range-${org.tag}.till`, access: [] });
    for (const overlapSeconds of [-1, 86_401, 1.5]) {
      const res = await rotateOf(org.admin, body.id, { overlapSeconds });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]?.field).toBe('overlapSeconds');
    }
  });

  it('the admin log has every decision, before and after, and never a secret', async () => {
    const org = await newAdminOrg();
    const key = `logged-${org.tag}.till`;
    const { body } = await add(org.admin, { kind: 'TILL', key, access: ['customers:read'] });
    await patch(org.admin, body.id, { access: ['customers:write'] });
    const rotated = await rotateOf(org.admin, body.id, { overlapSeconds: 60 });
    await patch(org.admin, body.id, { active: false });
    const log = await call<{ entries: { id: number; action: string; changes: unknown[] }[] }>(auditLog, {
      method: 'GET',
      path: '/v2/audit?limit=4',
      headers: org.admin,
    });
    expect(log.status).toBe(200);
    expect(log.body.entries.map((e) => e.action)).toEqual([
      'apiClient.revoke',
      'apiClient.rotate',
      'apiClient.update',
      'apiClient.create',
    ]);
    expect(log.body.entries[2]!.changes).toEqual([
      { path: 'access', before: ['customers:read'], after: ['customers:write'] },
    ]);
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(body.secret);
    expect(text).not.toContain(rotated.body.secret);
    expect(text).not.toMatch(/scrypt1/);

    const older = await call<{ entries: { action: string }[] }>(auditLog, {
      method: 'GET',
      path: `/v2/audit?before=${log.body.entries[2]!.id}`,
      headers: org.admin,
    });
    expect(older.body.entries.map((e) => e.action)).toEqual(['apiClient.create', 'org.create']);
    for (const q of ['limit=0', 'limit=201', 'before=x']) {
      expect((await call(auditLog, { method: 'GET', path: `/v2/audit?${q}`, headers: org.admin })).status).toBe(400);
    }
  });
});
