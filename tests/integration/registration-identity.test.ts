// Identity resolution (docs/api.md#identity-rules-summary): cross-source combining, same-source refusal, conflicts, and
// nothing half-written when a registration fails late.
import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { auditLog, customers, identifiers, identityKeys, sourceAccounts } from '@/db/schema';
import { call, DEMO_TILL, uniqueEmail, uniqueMobile } from './helpers';

type Reply = {
  createdId: number | null;
  warnings: { code: number; message: string }[];
  errors?: { code: number; message: string }[];
  sideEffects?: Record<string, unknown>[];
};

const register = (body: unknown, headers: Record<string, string> = {}) =>
  call<Reply>(POST, { body, headers: { authorization: DEMO_TILL, ...headers } });

async function rowCounts() {
  const db = await getDb();
  const [[c], [s], [i], [k], [a]] = await Promise.all([
    db.select({ n: count() }).from(customers),
    db.select({ n: count() }).from(sourceAccounts),
    db.select({ n: count() }).from(identifiers),
    db.select({ n: count() }).from(identityKeys),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { customers: c!.n, sourceAccounts: s!.n, identifiers: i!.n, identityKeys: k!.n, audit: a!.n };
}

describe('identity resolution', () => {
  it('adds a LINE source account to the INSTORE customer with the same mobile', async () => {
    const m = uniqueMobile();
    const first = await register({
      profiles: [
        {
          firstName: 'Tom',
          lastName: 'Sawyer',
          source: 'INSTORE',
          identifiers: [{ type: 'mobile', value: m }],
          fields: { city: 'Hannibal' },
        },
      ],
    });
    expect(first.status).toBe(200);
    const second = await register({
      profiles: [
        {
          firstName: 'トム',
          lastName: 'ソーヤー',
          source: 'LINE',
          accountId: '2001914141242',
          identifiers: [
            { type: 'mobile', value: m },
            { type: 'line', value: `U${m}` },
          ],
          fields: { city: 'Tokyo' },
        },
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body.createdId).toBe(first.body.createdId);
    expect(second.body.warnings).toEqual([
      { status: false, code: 8050, message: 'Same Customer found in other sources, Combining' },
    ]);

    const db = await getDb();
    const accounts = await db
      .select()
      .from(sourceAccounts)
      .where(eq(sourceAccounts.customerId, first.body.createdId!))
      .orderBy(sourceAccounts.id);
    expect(accounts.map((a) => [a.source, a.accountId, a.firstName, a.lastName, a.fields])).toEqual([
      ['INSTORE', '', 'Tom', 'Sawyer', { city: 'Hannibal' }],
      ['LINE', '2001914141242', 'トム', 'ソーヤー', { city: 'Tokyo' }],
    ]);
  });

  it('refuses the same source twice with 8006 naming the customer, and writes nothing', async () => {
    const m = uniqueMobile();
    const first = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    const before = await rowCounts();
    const again = await register({
      profiles: [
        {
          firstName: 'Changed',
          source: 'instore',
          identifiers: [
            { type: 'mobile', value: `+${m}` },
            { type: 'email', value: uniqueEmail() },
          ],
        },
      ],
      statusLabel: 'Gold Member',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      {
        status: false,
        code: 8006,
        message: `Customer already exists with id ${first.body.createdId} for same source`,
        field: 'profiles[0].identifiers[0].value', // the mobile, for the form to mark
      },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses with 8006 when the identifiers lead to a customer who already has this source account', async () => {
    const m = uniqueMobile();
    const e = uniqueEmail();
    const first = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    await register({
      profiles: [
        {
          source: 'WEBSITE',
          identifiers: [
            { type: 'email', value: e },
            { type: 'mobile', value: m },
          ],
        },
      ],
    });
    // Only the email is given, and the email was registered in WEBSITE: the customer has INSTORE already.
    const res = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'email', value: e }] }] });
    expect(res.status).toBe(409);
    expect(res.body.errors?.[0]?.code).toBe(8006);
    expect(res.body.errors?.[0]?.message).toContain(String(first.body.createdId));
  });

  it('numbers customers without gaps: a duplicate or an added source account takes no customer id', async () => {
    const m = uniqueMobile();
    const instore = { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] };
    const first = await register(instore);
    expect(first.status).toBe(200);
    expect((await register(instore)).body.errors?.map((e) => e.code)).toEqual([8006]);
    const line = await register({
      profiles: [{ source: 'LINE', accountId: '2001914141242', identifiers: [{ type: 'mobile', value: m }] }],
    });
    expect(line.body.createdId).toBe(first.body.createdId);
    expect(line.body.warnings.map((w) => w.code)).toEqual([8050]);
    const next = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    expect(next.body.createdId).toBe(first.body.createdId! + 1);
  });

  it('refuses identifiers of two different customers with 8052 and merges nothing', async () => {
    const m = uniqueMobile();
    const e = uniqueEmail();
    const a = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    const b = await register({
      profiles: [
        {
          source: 'INSTORE',
          identifiers: [
            { type: 'mobile', value: uniqueMobile() },
            { type: 'email', value: e },
          ],
        },
      ],
    });
    const before = await rowCounts();
    const res = await register({
      profiles: [
        {
          source: 'WEBSITE',
          identifiers: [
            { type: 'mobile', value: m },
            { type: 'email', value: e },
          ],
        },
      ],
    });
    expect(res.status).toBe(409);
    const ids = [a.body.createdId!, b.body.createdId!].sort((x, y) => x - y);
    expect(res.body.errors).toEqual([
      { status: false, code: 8052, message: `Add customer, Conflicting Customers found: ${ids.join(', ')}` },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('ignores customer-level details for an existing customer and says so', async () => {
    const m = uniqueMobile();
    const first = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }],
      extendedFields: { city: 'Pune' },
    });
    const res = await register({
      profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: m }] }],
      extendedFields: { city: 'Mumbai' },
      statusLabel: 'On hold',
    });
    expect(res.body.warnings.map((w) => w.code)).toEqual([8050, 8120]);
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.id, first.body.createdId!));
    expect(row?.extendedFields).toEqual({ city: 'Pune' });
    expect(row?.statusLabelId).toBeNull();
  });

  it('registers several profiles as one customer, all or nothing', async () => {
    const m = uniqueMobile();
    const ok = await register({
      profiles: [
        { source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] },
        { source: 'WECHAT', accountId: 'wx-demo-1', identifiers: [{ type: 'wechat', value: `wx${m}` }] },
      ],
    });
    expect(ok.status).toBe(200);
    const db = await getDb();
    const accounts = await db.select().from(sourceAccounts).where(eq(sourceAccounts.customerId, ok.body.createdId!));
    expect(accounts.map((a) => a.source).sort()).toEqual(['INSTORE', 'WECHAT']);

    const before = await rowCounts();
    const bad = await register({
      profiles: [
        { source: 'WEBSITE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] },
        { source: 'LINE', identifiers: [{ type: 'line', value: 'U1' }] }, // no accountId
      ],
    });
    expect(bad.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('leaves no row behind when a registration fails after its identifiers were checked', async () => {
    const m = uniqueMobile();
    const before = await rowCounts();
    // Valid identifiers, then an enrolment in a program the org does not have.
    const res = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }],
      loyaltyProgramEnrollments: [{ programId: 12345 }],
    });
    expect(res.body.errors?.[0]?.code).toBe(8113);
    expect(await rowCounts()).toEqual(before);
    const db = await getDb();
    expect(
      await db
        .select()
        .from(identityKeys)
        .where(and(eq(identityKeys.type, 'mobile'), eq(identityKeys.value, m))),
    ).toEqual([]);
  });

  it('stores the audit record with the acting till, the request id and the user-context headers', async () => {
    const res = await register(
      { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      { 'x-request-id': 'audit-check-1', 'user-context-entity-type': 'STORE', 'user-context-entity-id': '15' },
    );
    const db = await getDb();
    const [row] = await db.select().from(auditLog).where(eq(auditLog.customerId, res.body.createdId!));
    expect(row).toMatchObject({
      action: 'customer.register',
      outcome: 'success',
      requestId: 'audit-check-1',
      actorType: 'TILL',
      actorCode: 'demo.till',
      userContext: { entityType: 'STORE', entityId: '15' },
    });
  });
});
