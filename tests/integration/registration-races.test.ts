// Races at POST /v2/customers (docs/api.md, "Identity rules"), each repeated 20 times with zero wrong
// outcomes: 50 registrations of one new mobile in one source, the same mobile in 50 source accounts,
// and two customers' identifiers registered crosswise at once. PostgreSQL only: PGlite has one
// connection, so requests there take turns and nothing races.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { identityKeys, orgSourceAccounts } from '@/db/schema';
import { call, uniqueEmail, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

const ROUNDS = 20;
const SAME_TIME = 50;

type Reply = { createdId: number | null; errors?: { code: number; message: string }[] };
const register = (auth: string, profile: Record<string, unknown>) =>
  call<Reply>(POST, { body: { profiles: [profile] }, headers: { authorization: auth } });
const identifiers = (...pairs: [string, string][]) => pairs.map(([type, value]) => ({ type, value }));
const codesOf = (results: { status: number; body: Reply }[]) =>
  results.map((r) => (r.status === 200 ? 200 : (r.body.errors?.[0]?.code ?? r.status))).sort((a, b) => a - b);

describe.runIf(Boolean(process.env.DATABASE_URL))('registration races on PostgreSQL', () => {
  let org: { orgId: number; auth: string };
  const ACCOUNTS = Array.from({ length: SAME_TIME }, (_, i) => `wx-race-${i}`);

  beforeAll(async () => {
    // No rate limit (region US); INSTORE and WEBSITE, and WECHAT with 50 account ids.
    org = await createTestOrg({ sources: ['INSTORE', 'WEBSITE', 'WECHAT'] });
    await (
      await getDb()
    )
      .insert(orgSourceAccounts)
      .values(ACCOUNTS.map((accountId) => ({ orgId: org.orgId, source: 'WECHAT', accountId })));
  });

  async function ownersOf(values: string[]): Promise<Map<string, number>> {
    const rows = await (
      await getDb()
    )
      .select({ value: identityKeys.value, customerId: identityKeys.customerId })
      .from(identityKeys)
      .where(and(eq(identityKeys.orgId, org.orgId), inArray(identityKeys.value, values)));
    return new Map(rows.map((r) => [r.value, r.customerId]));
  }

  it(`${SAME_TIME} registrations of one new mobile in one source: 1 success and ${SAME_TIME - 1} × 8006, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const m = uniqueMobile();
      const results = await Promise.all(
        Array.from({ length: SAME_TIME }, () =>
          register(org.auth, { source: 'INSTORE', identifiers: identifiers(['mobile', m]) }),
        ),
      );
      expect(codesOf(results), `round ${round}`).toEqual([200, ...Array(SAME_TIME - 1).fill(8006)]);
      const winner = results.find((r) => r.status === 200)!.body.createdId!;
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(409);
        expect(r.body.errors?.[0]?.message).toBe(`Customer already exists with id ${winner} for same source`);
      }
      expect(await ownersOf([m])).toEqual(new Map([[m, winner]]));
    }
  }, 600_000);

  it(`one new mobile in ${SAME_TIME} source accounts at once: one customer with ${SAME_TIME} accounts, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const m = uniqueMobile();
      const results = await Promise.all(
        ACCOUNTS.map((accountId) =>
          register(org.auth, { source: 'WECHAT', accountId, identifiers: identifiers(['mobile', m]) }),
        ),
      );
      expect(codesOf(results), `round ${round}`).toEqual(Array(SAME_TIME).fill(200));
      const ids = new Set(results.map((r) => r.body.createdId));
      expect(ids.size, `round ${round}`).toBe(1);
      const [customerId] = [...ids];
      const [row] = await execRows<{ accounts: string }>(
        await getDb(),
        sql`select count(*) as accounts from source_accounts where org_id = ${org.orgId} and customer_id = ${customerId}`,
      );
      expect(Number(row!.accounts)).toBe(SAME_TIME);
    }
  }, 600_000);

  it(`two customers' identifiers registered crosswise at once never merge them, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [m1, m2, e1, e2] = [uniqueMobile(), uniqueMobile(), uniqueEmail(), uniqueEmail()];
      const a = await register(org.auth, {
        source: 'INSTORE',
        identifiers: identifiers(['mobile', m1], ['email', e1]),
      });
      const b = await register(org.auth, {
        source: 'INSTORE',
        identifiers: identifiers(['mobile', m2], ['email', e2]),
      });
      expect([a.status, b.status]).toEqual([200, 200]);
      // Each crosswise profile names both customers: 8052, in every source it is tried, however many at once.
      const crosswise = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          register(org.auth, {
            source: i % 2 ? 'WEBSITE' : 'WECHAT',
            ...(i % 2 ? {} : { accountId: ACCOUNTS[i] }),
            identifiers:
              i < 5 ? identifiers(['mobile', m1], ['email', e2]) : identifiers(['mobile', m2], ['email', e1]),
          }),
        ),
      );
      expect(codesOf(crosswise), `round ${round}`).toEqual(Array(10).fill(8052));
      expect(await ownersOf([m1, e1, m2, e2])).toEqual(
        new Map([
          [m1, a.body.createdId],
          [e1, a.body.createdId],
          [m2, b.body.createdId],
          [e2, b.body.createdId],
        ]),
      );
      const [row] = await execRows<{ accounts: string }>(
        await getDb(),
        sql`select count(*) as accounts from source_accounts
          where org_id = ${org.orgId} and customer_id in (${a.body.createdId}, ${b.body.createdId})`,
      );
      expect(Number(row!.accounts)).toBe(2);
    }
  }, 600_000);
});
