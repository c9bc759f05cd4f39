// OAuth tokens and credentials (docs/api.md#authentication): issue, use, expiry, forgery, precedence, 401/403.
import { and, eq } from 'drizzle-orm';
import { SignJWT, decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST as generateToken, GET as getToken } from '@/app/v3/oauth/token/generate/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { GET as extendedFields } from '@/app/v2/extendedFields/route';
import { getDb } from '@/db/client';
import { apiClients } from '@/db/schema';
import { forgetCachedRows } from '@/lib/auth/recheck';
import { basicAuth, call, DEMO_TILL, demoOAuthToken, newCustomerBody, OTHER_TILL, READONLY_TILL } from './helpers';

type Envelope = {
  data?: unknown;
  errors: { status: boolean; code: number; message: string }[] | null;
  warnings: unknown[];
};

const TOKEN_PATH = '/v3/oauth/token/generate';
const codesOf = (body: Envelope) => (body.errors ?? []).map((e) => e.code);

async function withToken(token: string, headers: Record<string, string> = {}) {
  return call<Envelope & { entity?: unknown }>(extendedFields, {
    method: 'GET',
    path: '/v2/extendedFields',
    headers: { 'x-cap-api-oauth-token': token, ...headers },
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /v3/oauth/token/generate', () => {
  it('issues a 300-second token for the right key and secret', async () => {
    const res = await call<{ data: { accessToken: string; ttlSeconds: number }; errors: null; warnings: unknown[] }>(
      generateToken,
      {
        path: TOKEN_PATH,
        body: { key: 'demo-key', secret: 'demo-secret' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: { accessToken: expect.any(String), ttlSeconds: 300 },
      errors: null,
      warnings: [],
    });
    const claims = decodeJwt(res.body.data.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  it.each([
    ['a wrong secret', { key: 'demo-key', secret: 'not-the-secret' }],
    ['an unknown key', { key: 'nobody', secret: 'demo-secret' }],
    ['a till code as key', { key: 'demo.till', secret: 'Demo@123' }],
  ])('answers 401 with data null for %s', async (_, body) => {
    const res = await call<Envelope>(generateToken, { path: TOKEN_PATH, body });
    expect(res.status).toBe(401);
    expect(res.body.data).toBeNull();
    expect(codesOf(res.body)).toEqual([401]);
  });

  it('answers 400 in the v3 envelope for a body of the wrong shape, naming each field', async () => {
    const res = await call<Envelope>(generateToken, { path: TOKEN_PATH, body: { key: 42 } });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(codesOf(res.body)).toEqual([400, 400]);
    expect(res.body.errors?.map((e) => e.message.split(':')[0])).toEqual(['key', 'secret']);
  });

  it('answers 405 in the v3 envelope for GET', async () => {
    if (!getToken) throw new Error('the route must export a GET that answers 405');
    const res = await call<Envelope>(getToken, { method: 'GET', path: TOKEN_PATH });
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ data: null, errors: [{ status: false, code: 405 }] });
  });
});

describe('X-CAP-API-OAUTH-TOKEN on /v2 routes', () => {
  it("authenticates a read as the token's org", async () => {
    const res = await withToken(await demoOAuthToken());
    expect(res.status).toBe(200);
    // The demo org's Retail vertical enables acquisition_channel; org "other" has no verticals.
    const names = (res.body.entity as { customer: { name: string }[] }).customer.map((f) => f.name);
    expect(names).toContain('acquisition_channel');
  });

  it('registers a customer with a token (the demo client may write)', async () => {
    const res = await call<{ createdId: number }>(registerCustomer, {
      body: newCustomerBody(),
      headers: { 'x-cap-api-oauth-token': await demoOAuthToken() },
    });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
  });

  it('refuses a correctly signed token that has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 301_000);
    const stale = await demoOAuthToken();
    vi.useRealTimers();
    const res = await withToken(stale);
    expect(res.status).toBe(401);
    expect(codesOf(res.body)).toEqual([401]);
  });

  it('refuses a token signed with another key', async () => {
    const claims = decodeJwt(await demoOAuthToken());
    const forged = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('a-secret-that-is-not-the-servers-secret'));
    expect((await withToken(forged)).status).toBe(401);
  });

  it('refuses a token whose claims were altered after signing', async () => {
    const [header, payload, signature] = (await demoOAuthToken()).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 3600 })).toString('base64url');
    expect((await withToken(`${header}.${altered}.${signature}`)).status).toBe(401);
  });

  it('refuses an unsigned token and garbage', async () => {
    const claims = decodeJwt(await demoOAuthToken());
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect((await withToken(unsigned)).status).toBe(401);
    expect((await withToken('not-a-token')).status).toBe(401);
    expect((await withToken('')).status).toBe(401);
  });

  it('lets the token decide when Authorization is sent too', async () => {
    const token = await demoOAuthToken();
    // A valid token with wrong Basic credentials: the token decides, so the request passes.
    const good = await withToken(token, { authorization: basicAuth('demo.till', 'wrong') });
    expect(good.status).toBe(200);
    // A forged token with valid Basic credentials: the token decides, so the request is refused.
    const bad = await withToken(`${token}x`, { authorization: DEMO_TILL });
    expect(bad.status).toBe(401);
  });

  it('refuses the token of a client that has been deactivated', async () => {
    const token = await demoOAuthToken();
    const db = await getDb();
    const demoClient = and(eq(apiClients.kind, 'OAUTH_CLIENT'), eq(apiClients.key, 'demo-key'));
    await db.update(apiClients).set({ active: false }).where(demoClient);
    forgetCachedRows(); // as if AUTH_RECHECK_MS had passed
    try {
      expect((await withToken(token)).status).toBe(401);
    } finally {
      await db.update(apiClients).set({ active: true }).where(demoClient);
      forgetCachedRows();
    }
    expect((await withToken(token)).status).toBe(200);
  });
});

describe('Basic credentials and write access', () => {
  it('answers 401 for the right till with a wrong MD5, and for no credentials at all', async () => {
    const wrong = await call<Envelope>(registerCustomer, {
      body: newCustomerBody(),
      headers: { authorization: basicAuth('demo.till', 'Demo@124') },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ createdId: null, errors: [{ status: false, code: 401 }] });
    const none = await call<Envelope>(registerCustomer, { body: newCustomerBody() });
    expect(none.status).toBe(401);
  });

  it('answers 403 when readonly.till registers, but lets it read', async () => {
    const post = await call<Envelope>(registerCustomer, {
      body: newCustomerBody(),
      headers: { authorization: READONLY_TILL },
    });
    expect(post.status).toBe(403);
    expect(post.body).toMatchObject({ createdId: null, errors: [{ status: false, code: 403 }] });
    const read = await call(extendedFields, {
      method: 'GET',
      path: '/v2/extendedFields',
      headers: { authorization: READONLY_TILL },
    });
    expect(read.status).toBe(200);
  });

  it('serves each till its own org', async () => {
    const other = await call<{ entity: { customer: { name: string }[] } }>(extendedFields, {
      method: 'GET',
      path: '/v2/extendedFields',
      headers: { authorization: OTHER_TILL },
    });
    expect(other.status).toBe(200);
    expect(other.body.entity.customer.map((f) => f.name)).not.toContain('acquisition_channel');
  });
});
