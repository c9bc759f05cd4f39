// Sessions and clients are rechecked (docs/api.md, "Rechecks"): a staff user deactivated, demoted or
// moved to another org, an API client deactivated or stripped of write access, loses that access
// once the cached row is older than AUTH_RECHECK_MS (at most 60 s; 100 ms here), whatever the
// session or token still says.
process.env.AUTH_RECHECK_MS = '100';

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { GET as getCustomer } from '@/app/v2/customers/[id]/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { apiClients, staffUsers } from '@/db/schema';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { staffFromToken } from '@/lib/auth/staff-session';
import { authSecret, env } from '@/lib/env';
import type { ApiAccess } from '@/lib/vocabulary';
import { basicAuth, call, demoOAuthToken, newCustomerBody } from './helpers';
import { createTestOrg } from './test-org';

const pastRecheck = () => new Promise((r) => setTimeout(r, env().AUTH_RECHECK_MS + 50));

async function tillOf(code: string) {
  const db = await getDb();
  return {
    set: (values: { active?: boolean; access?: ApiAccess[] }) =>
      db
        .update(apiClients)
        .set(values)
        .where(eq(apiClients.key, `${code}.till`)),
  };
}

describe('API clients', () => {
  it('a till deactivated mid-session is refused on its next request after the recheck', async () => {
    expect(env().AUTH_RECHECK_MS).toBe(100);
    const { code, auth } = await createTestOrg();
    const till = await tillOf(code);
    const ok = await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } });
    expect(ok.status).toBe(200);
    await till.set({ active: false });
    await pastRecheck();
    const refused = await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } });
    expect(refused.status).toBe(401);
    await till.set({ active: true });
    await pastRecheck();
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      200,
    );
  });

  it('a till that loses write access gets 403 on writes, and may still read', async () => {
    const { code, auth } = await createTestOrg();
    const till = await tillOf(code);
    const created = await call<{ createdId: number }>(registerCustomer, {
      body: newCustomerBody(),
      headers: { authorization: auth },
    });
    expect(created.status).toBe(200);
    await till.set({ access: ['customers:read'] });
    await pastRecheck();
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      403,
    );
    const read = await call(getCustomer, {
      method: 'GET',
      path: `/v2/customers/${created.body.createdId}`,
      params: { id: String(created.body.createdId) },
      headers: { authorization: auth },
    });
    expect(read.status).toBe(200);
  });

  it('an OAuth client deactivated or stripped of write access loses it within the recheck, token or not', async () => {
    const db = await getDb();
    const demoClient = and(eq(apiClients.kind, 'OAUTH_CLIENT'), eq(apiClients.key, 'demo-key'));
    const token = await demoOAuthToken();
    const post = () => call(registerCustomer, { body: newCustomerBody(), headers: { 'x-cap-api-oauth-token': token } });
    expect((await post()).status).toBe(200);
    try {
      await db
        .update(apiClients)
        .set({ access: ['customers:read'] })
        .where(demoClient);
      await pastRecheck();
      expect((await post()).status).toBe(403);
      await db.update(apiClients).set({ active: false }).where(demoClient);
      await pastRecheck();
      expect((await post()).status).toBe(401);
    } finally {
      await db
        .update(apiClients)
        .set({ active: true, access: ['customers:write'] })
        .where(demoClient);
    }
    await pastRecheck();
    expect((await post()).status).toBe(200);
  });

  it('a secret rotated by another process (no overlap) fails here once the row is rechecked, remembered or not', async () => {
    const { code, auth } = await createTestOrg();
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      200,
    );
    // What POST /v2/apiClients/{id}/rotate with overlapSeconds 0 writes, done behind this process's back.
    const salt = newSalt();
    const db = await getDb();
    await db
      .update(apiClients)
      .set({ secretSalt: salt, secretHash: await hashClientSecret(md5hex('Rotated@123'), salt) })
      .where(eq(apiClients.key, `${code}.till`));
    await pastRecheck();
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      401,
    );
    const rotated = basicAuth(`${code}.till`, 'Rotated@123');
    expect(
      (await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: rotated } })).status,
    ).toBe(200);
  });
});

describe('staff sessions', () => {
  async function staffWithSession(role: 'admin' | 'staff') {
    const db = await getDb();
    const { orgId } = await createTestOrg();
    const email = `recheck-${randomUUID()}@example.com`;
    const [user] = await db
      .insert(staffUsers)
      .values({ orgId, email, name: 'Rhea Check', passwordHash: 'not-used-here', role })
      .returning({ id: staffUsers.id });
    const userId = user!.id;
    const token = await encode({
      token: { userId, orgId, role, name: 'Rhea Check', email },
      secret: authSecret(),
    });
    const cookie = `next-auth.session-token=${token}`;
    const row = and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, userId));
    return { db, orgId, userId, token, cookie, row };
  }

  const postAs = (cookie: string) =>
    call(registerCustomer, {
      body: newCustomerBody(),
      headers: { cookie, origin: 'http://localhost', host: 'localhost' },
    });

  it('a staff user deactivated mid-session loses the API and the pages', async () => {
    const s = await staffWithSession('staff');
    expect((await postAs(s.cookie)).status).toBe(200);
    expect(await staffFromToken(s.token)).toMatchObject({ userId: s.userId, role: 'staff' });
    await s.db.update(staffUsers).set({ active: false }).where(s.row);
    await pastRecheck();
    expect((await postAs(s.cookie)).status).toBe(401);
    // What every page and server action asks (lib/auth/require-staff.ts): signed out.
    expect(await staffFromToken(s.token)).toBeNull();
  });

  it('a demoted admin is staff again, though the session still says admin', async () => {
    const s = await staffWithSession('admin');
    expect(await staffFromToken(s.token)).toMatchObject({ role: 'admin' });
    await s.db.update(staffUsers).set({ role: 'staff' }).where(s.row);
    await pastRecheck();
    expect(await staffFromToken(s.token)).toMatchObject({ userId: s.userId, role: 'staff' });
  });

  it('a staff user moved to another org loses the old org', async () => {
    const s = await staffWithSession('staff');
    const { orgId: newOrgId } = await createTestOrg();
    expect((await postAs(s.cookie)).status).toBe(200);
    await s.db.update(staffUsers).set({ orgId: newOrgId }).where(s.row);
    await pastRecheck();
    expect((await postAs(s.cookie)).status).toBe(401);
    expect(await staffFromToken(s.token)).toBeNull();
  });
});
