// The upgrade of old HMAC-SHA256 secret hashes (docs/api.md, "Secrets"): run by `npm run db:migrate`,
// it wraps each in scrypt without knowing the secret; the client's credentials keep working, the
// stored value no longer verifies fast, and a second run finds nothing to do.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { apiClients } from '@/db/schema';
import { forgetCachedRows } from '@/lib/auth/recheck';
import { upgradeSecretHashes } from '@/lib/auth/secret-upgrade';
import { legacyHmac, md5hex } from '@/lib/auth/secrets';
import { call, newCustomerBody } from './helpers';
import { createTestOrg } from './test-org';

describe('upgrading stored secrets', () => {
  it('wraps an old HMAC hash in scrypt; the till signs in as before', async () => {
    const db = await getDb();
    const { code, auth } = await createTestOrg();
    const till = eq(apiClients.key, `${code}.till`);
    const [row] = await db.select().from(apiClients).where(till);
    const old = legacyHmac(md5hex('Test@123'), row!.secretSalt);
    await db.update(apiClients).set({ secretHash: old }).where(till);
    forgetCachedRows();

    // Not upgraded yet: a bare HMAC verifies nothing.
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      401,
    );

    expect(await upgradeSecretHashes(db)).toBeGreaterThanOrEqual(1);
    const [upgraded] = await db.select({ hash: apiClients.secretHash }).from(apiClients).where(till);
    expect(upgraded!.hash).toMatch(/^scrypt1-hmac\$/);
    expect(upgraded!.hash).not.toContain(old);
    forgetCachedRows();
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: { authorization: auth } })).status).toBe(
      200,
    );

    expect(await upgradeSecretHashes(db)).toBe(0);
    const all = await db.select({ hash: apiClients.secretHash }).from(apiClients);
    expect(all.every((r) => /^scrypt1(-hmac)?\$/.test(r.hash))).toBe(true);
  });
});
