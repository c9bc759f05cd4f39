// POST /v2/customers/bulk (docs/api.md, "Bulk registration"): each body registered on its own by the
// engine of POST /v2/customers, answered in order; bodies of the same person resolve as sequential
// registrations would.
import { describe, expect, it } from 'vitest';
import { count, eq, and } from 'drizzle-orm';
import { POST as bulk } from '@/app/v2/customers/bulk/route';
import { POST as registerOne } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { auditLog, customers, sourceAccounts } from '@/db/schema';
import { call, callThroughServer, DEMO_TILL, newCustomerBody, READONLY_TILL, uniqueMobile } from './helpers';

interface Result {
  index: number;
  createdId: number | null;
  warnings: { code: number }[];
  errors: { code: number; message: string }[];
}
type Reply = { results: Result[]; warnings: unknown[]; errors?: { code: number; message: string }[] };

const send = (body: unknown, headers: Record<string, string> = {}) =>
  call<Reply>(bulk, { path: '/v2/customers/bulk', body, headers: { authorization: DEMO_TILL, ...headers } });

const instore = (mobile: string, firstName = 'Bulk') => ({
  profiles: [{ source: 'INSTORE', firstName, identifiers: [{ type: 'mobile', value: mobile }] }],
});
const line = (mobile: string) => ({
  profiles: [
    {
      source: 'LINE',
      accountId: '2001914141242',
      identifiers: [
        { type: 'mobile', value: mobile },
        { type: 'line', value: `U${mobile}` },
      ],
    },
  ],
});

async function auditRows(requestId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
}

describe('POST /v2/customers/bulk', () => {
  it('answers new, cross-source, duplicate and invalid bodies in order, each on its own', async () => {
    const [a, b] = [uniqueMobile(), uniqueMobile()];
    const requestId = `bulk-${a}`;
    const res = await send(
      [
        instore(a), // new
        line(a), // the same person in another source: a source account added
        instore(a), // the same person again in INSTORE: as a second single POST would, 8006
        instore('98x76'), // invalid primary identifier: 8014, nothing written
        instore(b), // new
        { profiles: 'nope' }, // schema problem
      ],
      { 'x-request-id': requestId },
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    const r = res.body.results;
    expect(r.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5]);

    expect(r[0]!.createdId).toEqual(expect.any(Number));
    expect(r[0]!.errors).toEqual([]);
    expect(r[1]!.createdId).toBe(r[0]!.createdId);
    expect(r[1]!.warnings.map((w) => w.code)).toContain(8050);
    expect(r[2]!.createdId).toBeNull();
    expect(r[2]!.errors.map((e) => e.code)).toEqual([8006]);
    expect(r[2]!.errors[0]!.message).toContain(String(r[0]!.createdId));
    expect(r[3]!.errors.map((e) => e.code)).toEqual([8014]);
    expect(r[4]!.createdId).toEqual(expect.any(Number));
    expect(r[4]!.createdId).not.toBe(r[0]!.createdId);
    expect(r[5]!.errors.map((e) => e.code)).toEqual([400]);

    // What was written: two customers, the first with two source accounts; one audit record per write.
    const db = await getDb();
    const [accounts] = await db
      .select({ n: count() })
      .from(sourceAccounts)
      .where(eq(sourceAccounts.customerId, r[0]!.createdId!));
    expect(accounts!.n).toBe(2);
    const audit = await auditRows(requestId);
    expect(audit.map((x) => x.customerId).sort()).toEqual([r[0]!.createdId, r[0]!.createdId, r[4]!.createdId].sort());
  });

  it('resolves many bodies of the same new person as sequential registrations: one customer, the rest 8006', async () => {
    const m = uniqueMobile();
    const others = Array.from({ length: 8 }, () => uniqueMobile());
    const bodies = [instore(others[0]!), instore(m), ...others.slice(1).flatMap((o) => [instore(o), instore(m)])];
    const res = await send(bodies);
    expect(res.status).toBe(200);
    const forM = res.body.results.filter((_, i) => i % 2 === 1);
    expect(forM[0]!.createdId).toEqual(expect.any(Number));
    for (const later of forM.slice(1)) expect(later.errors.map((e) => e.code)).toEqual([8006]);
    const ok = res.body.results.filter((x) => x.createdId !== null);
    expect(ok).toHaveLength(others.length + 1);
    const db = await getDb();
    const [n] = await db
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.orgId, 1), eq(customers.id, forM[0]!.createdId!)));
    expect(n!.n).toBe(1);
  });

  it('answers a body as POST /v2/customers answers it', async () => {
    const m = uniqueMobile();
    const single = await call<{ createdId: number; warnings: { code: number }[] }>(registerOne, {
      body: instore(m),
      headers: { authorization: DEMO_TILL },
    });
    const again = await send([instore(m), line(m)]);
    expect(again.body.results[0]!.errors.map((e) => e.code)).toEqual([8006]);
    expect(again.body.results[1]!.createdId).toBe(single.body.createdId);
    const fresh = await send([newCustomerBody()]);
    expect(fresh.body.results[0]!.warnings.map((w) => w.code)).toEqual(single.body.warnings.map((w) => w.code));
  });

  it('refuses more than 100 bodies, none, and a body that is not an array, writing nothing', async () => {
    const mobiles = Array.from({ length: 101 }, () => uniqueMobile());
    const over = await send(
      mobiles.map((m) => instore(m)),
      { 'x-request-id': `over-${mobiles[0]}` },
    );
    expect(over.status).toBe(400);
    expect(over.body.errors!.map((e) => e.code)).toEqual([9601]);
    expect(await auditRows(`over-${mobiles[0]}`)).toEqual([]);
    const none = await send([]);
    expect(none.status).toBe(400);
    expect(none.body.errors!.map((e) => e.code)).toEqual([9601]);
    const object = await send(instore(uniqueMobile()));
    expect(object.status).toBe(400);
    expect(object.body.errors![0]!.message).toBe('body: must be a JSON array');
  });

  it('needs write access to customers, through the server as well', async () => {
    const readonly = await send([newCustomerBody()], { authorization: READONLY_TILL });
    expect(readonly.status).toBe(403);
    const none = await call<Reply>(bulk, { path: '/v2/customers/bulk', body: [newCustomerBody()] });
    expect(none.status).toBe(401);
    const served = await callThroughServer<Reply>({
      path: '/v2/customers/bulk',
      body: [newCustomerBody()],
      headers: { authorization: DEMO_TILL },
    });
    expect(served.status).toBe(200);
    expect(served.body.results[0]!.createdId).toEqual(expect.any(Number));
  });
});
