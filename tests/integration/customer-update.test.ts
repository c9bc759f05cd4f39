import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { customerHistory, customerSearchWords } from '@/db/schema';
import { POST as POST_ON_ID } from '@/app/v2/customers/[id]/route';
import { codesOf, getCustomer, getHistory, putCustomer, register, type Failure } from './care-helpers';
import { createTestOrg } from './test-org';
import { call, DEMO_TILL, OTHER_TILL, READONLY_TILL, uniqueEmail, uniqueMobile } from './helpers';

function person(extra: Record<string, unknown> = {}, profile: Record<string, unknown> = {}) {
  return {
    ...extra,
    profiles: [
      {
        source: 'INSTORE',
        firstName: 'Priya',
        lastName: 'Sharna',
        identifiers: [{ type: 'mobile', value: uniqueMobile() }],
        ...profile,
      },
    ],
  };
}

async function historyOf(id: number) {
  const res = await getHistory(id);
  expect(res.status).toBe(200);
  return res.body.entries;
}

describe('versions', () => {
  it('GET answers the version and a strong ETag; a source account added to the customer bumps it', async () => {
    const mobile = uniqueMobile();
    const id = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] });
    const first = await getCustomer(id);
    expect(first.body.version).toBe(1);
    expect(first.headers.get('etag')).toBe('"1"');
    await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] });
    const second = await getCustomer(id);
    expect(second.body.version).toBe(2);
    expect(second.headers.get('etag')).toBe('"2"');
    expect((await historyOf(id)).map((e) => e.action)).toEqual(['source.added', 'customer.registered']);
  });
});

describe('PUT /v2/customers/{id}', () => {
  it('fixes the last name, answers the new version and ETag, and records before → after', async () => {
    const id = await register(person());
    const res = await putCustomer(
      id,
      { profiles: [{ lastName: 'Sharma' }] },
      { headers: { 'if-match': '"1"', 'x-request-id': 'fix-name-1', 'user-context-entity-id': 'clerk-7' } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id, version: 2, warnings: [] });
    expect(res.headers.get('etag')).toBe('"2"');
    const after = await getCustomer(id);
    expect(after.body.profiles[0]!.lastName).toBe('Sharma');
    expect(after.body.profiles[0]!.firstName).toBe('Priya');
    const [latest] = await historyOf(id);
    expect(latest).toMatchObject({
      action: 'customer.updated',
      actor: { type: 'TILL', code: 'demo.till' },
      requestId: 'fix-name-1',
      userContext: { entityId: 'clerk-7' },
      reason: null,
      changes: [{ path: 'profiles.INSTORE.lastName', before: 'Sharna', after: 'Sharma' }],
    });
    // The search words follow the names.
    const words = await (
      await getDb()
    )
      .select({ word: customerSearchWords.word })
      .from(customerSearchWords)
      .where(eq(customerSearchWords.customerId, id));
    expect(words.map((w) => w.word).sort()).toEqual(['priya', 'sharma']);
  });

  it('answers 412 for a stale If-Match and writes nothing', async () => {
    const id = await register(person());
    expect(
      (await putCustomer(id, { profiles: [{ firstName: 'Asha' }] }, { headers: { 'if-match': '"1"' } })).status,
    ).toBe(200);
    const stale = await putCustomer(id, { profiles: [{ firstName: 'Meera' }] }, { headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({
      warnings: [],
      errors: [{ status: false, code: 412, message: 'Customer changed since it was read' }],
    });
    const weak = await putCustomer(id, { profiles: [{ firstName: 'Meera' }] }, { headers: { 'if-match': 'W/"2"' } });
    expect(weak.status).toBe(412);
    const now = await getCustomer(id);
    expect(now.body.profiles[0]!.firstName).toBe('Asha');
    expect(now.body.version).toBe(2);
  });

  it('applies without If-Match, and a body that changes nothing keeps the version', async () => {
    const id = await register(person());
    const same = await putCustomer(id, { profiles: [{ firstName: 'Priya', lastName: 'Sharna' }], extendedFields: {} });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect(await historyOf(id)).toHaveLength(1);
  });

  it('clears names with "" or null, keeps absent ones, and history reads cleared values as null', async () => {
    const id = await register(person());
    const res = await putCustomer(id, { profiles: [{ firstName: null, lastName: '' }] });
    expect(res.status).toBe(200);
    const [latest] = await historyOf(id);
    expect(latest!.changes).toEqual([
      { path: 'profiles.INSTORE.firstName', before: 'Priya', after: null },
      { path: 'profiles.INSTORE.lastName', before: 'Sharna', after: null },
    ]);
  });

  it('merges custom and extended fields key by key; "" or null clears one', async () => {
    const id = await register(
      person({ extendedFields: { city: 'Pune', zip: '411001' } }, { fields: { employee: 'no', fax: '1' } }),
    );
    const res = await putCustomer(id, {
      profiles: [{ fields: { employee: 'yes', fax: null } }],
      extendedFields: { city: 'Mumbai', zip: '' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await getCustomer(id);
    expect(after.body.profiles[0]!.fields).toEqual({ employee: 'yes' });
    expect(after.body.extendedFields).toEqual({ city: 'Mumbai' });
    const [latest] = await historyOf(id);
    expect(latest!.changes).toEqual(
      expect.arrayContaining([
        { path: 'profiles.INSTORE.fields.employee', before: 'no', after: 'yes' },
        { path: 'profiles.INSTORE.fields.fax', before: '1', after: null },
        { path: 'extendedFields.city', before: 'Pune', after: 'Mumbai' },
        { path: 'extendedFields.zip', before: '411001', after: null },
      ]),
    );
    expect(latest!.changes).toHaveLength(4);
  });

  it('replaces the channel list, dropping invalid channels with 8057 / 8058', async () => {
    const email = uniqueEmail();
    const id = await register(person({}, { commChannels: [{ type: 'mobile', value: '919800000001', primary: true }] }));
    const res = await putCustomer(id, {
      profiles: [
        {
          commChannels: [
            { type: 'email', value: email, primary: 'true' },
            { type: 'mobile', value: 'not-a-number' },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w) => w.code)).toEqual([8058]);
    const after = await getCustomer(id);
    expect(after.body.profiles[0]!.commChannels).toEqual([
      { type: 'email', value: email, primary: true, verified: false, meta: {} },
    ]);
  });

  it('changes the status label with a reason: a status.changed entry', async () => {
    const id = await register(person());
    const res = await putCustomer(id, { statusLabel: 'on HOLD', statusReason: 'Card reported stolen' });
    expect(res.status).toBe(200);
    const after = await getCustomer(id);
    expect(after.body).toMatchObject({ statusLabel: 'On hold', status: 'SUSPENDED' });
    const [latest] = await historyOf(id);
    expect(latest).toMatchObject({
      action: 'status.changed',
      reason: 'Card reported stolen',
      changes: [{ path: 'statusLabel', before: null, after: 'On hold' }],
    });
  });

  it('turns a non-loyalty customer into a loyalty one, never the other way (8129)', async () => {
    const id = await register(person({ loyaltyInfo: { loyaltyType: 'non_loyalty' } }));
    const up = await putCustomer(id, { loyaltyInfo: { loyaltyType: 'loyalty' } });
    expect(up.status).toBe(200);
    expect((await getCustomer(id)).body.loyaltyInfo.loyaltyType).toBe('loyalty');
    const down = await putCustomer(id, { loyaltyInfo: { loyaltyType: 'non_loyalty' } });
    expect(down.status).toBe(400);
    expect(codesOf(down)).toEqual([8129]);
  });

  it('ignores identifiers with 8126 and cuts long names with 8119', async () => {
    const id = await register(person());
    const res = await putCustomer(id, {
      profiles: [{ firstName: 'x'.repeat(120), identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w) => w.code)).toEqual([8119, 8126]);
    expect((await getCustomer(id)).body.profiles[0]!.firstName).toHaveLength(100);
  });

  it('answers 8128 for a source account the customer lacks, and 3217 for an unknown source', async () => {
    const id = await register(person());
    const missing = await putCustomer(id, { profiles: [{ firstName: 'A' }] }, { query: '?source=WEBSITE' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [{ code: 8128, message: 'Customer has no source account WEBSITE' }] });
    const unknown = await putCustomer(id, { profiles: [{ firstName: 'A' }] }, { query: '?source=NOWHERE' });
    expect(codesOf(unknown)).toEqual([3217]);
    // Without a profile part the source is not looked at.
    const customerLevel = await putCustomer(id, { statusLabel: 'Gold Member' }, { query: '?source=WEBSITE' });
    expect(customerLevel.status).toBe(200);
  });

  it('answers every validation problem at once and writes nothing', async () => {
    const id = await register(person());
    const res = await putCustomer(id, {
      profiles: [{ firstName: 'Changed' }],
      statusLabel: 'Platinum Ghost',
      extendedFields: { dob: 'not a date' },
    });
    expect(res.status).toBe(400);
    expect(codesOf(res).sort()).toEqual([8086, 91015]);
    const schema = await putCustomer(id, { profiles: [{ firstName: 'Changed' }], statusReason: 'r'.repeat(256) });
    expect(schema.body).toMatchObject({ errors: [{ code: 400, field: 'statusReason' }] });
    const after = await getCustomer(id);
    expect(after.body.profiles[0]!.firstName).toBe('Priya');
    expect(after.body.version).toBe(1);
  });

  it('refuses to clear a mandatory custom or extended field (8112, 91016), and reports 8111 / 8116 / 8117', async () => {
    const org = await createTestOrg({
      customFields: [
        { name: 'tier', dataType: 'ENUM', enumValues: ['A', 'B'], mandatory: true },
        { name: 'age', dataType: 'INTEGER' },
      ],
      mandatoryExtendedFieldIds: [2],
    });
    const id = await register(
      {
        extendedFields: { city: 'Pune' },
        profiles: [
          { source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }], fields: { tier: 'A' } },
        ],
      },
      org.auth,
    );
    const res = await putCustomer(
      id,
      {
        profiles: [{ fields: { tier: null, age: 'old', nope: 1 } }],
        extendedFields: { city: '', room_preference: 'x' },
      },
      { authorization: org.auth },
    );
    expect(res.status).toBe(400);
    expect(codesOf(res).sort()).toEqual([8111, 8112, 91016]);
    const ok = await putCustomer(
      id,
      { profiles: [{ fields: { tier: 'b', nope: 1 } }], extendedFields: { room_preference: 'x' } },
      { authorization: org.auth },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.warnings.map((w) => w.code)).toEqual([8116, 8117]);
  });
});

describe('who may call PUT', () => {
  it('401 without credentials, 403 for a read-only till, 404 (8015) for another org or an unknown id', async () => {
    const id = await register(person());
    expect((await putCustomer(id, { statusLabel: 'Gold Member' }, { authorization: '' })).status).toBe(401);
    const readOnly = await putCustomer(id, { statusLabel: 'Gold Member' }, { authorization: READONLY_TILL });
    expect(readOnly.status).toBe(403);
    expect(codesOf(readOnly)).toEqual([403]);
    for (const [target, auth] of [
      [id, OTHER_TILL],
      [1, DEMO_TILL],
      ['abc', DEMO_TILL],
    ] as const) {
      const res = await putCustomer<Failure>(target, { profiles: [{ firstName: 'X' }] }, { authorization: auth });
      expect(res.status).toBe(404);
      expect(codesOf(res)).toEqual([8015]);
    }
    expect((await getCustomer(id)).body.version).toBe(1);
    const history = await getHistory(id, OTHER_TILL);
    expect(history.status).toBe(404);
    const rows = await (
      await getDb()
    )
      .select()
      .from(customerHistory)
      .where(and(eq(customerHistory.customerId, id), eq(customerHistory.action, 'status.changed')));
    expect(rows).toEqual([]);
  });

  it('answers 405 for POST on a customer', async () => {
    const res = await call(POST_ON_ID, {
      path: '/v2/customers/1',
      params: { id: '1' },
      body: {},
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT');
  });
});

describe('concurrent updates', () => {
  it('with the same If-Match: exactly one applies, the others answer 412', async () => {
    const id = await register(person());
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        putCustomer(id, { profiles: [{ firstName: `Name${i}` }] }, { headers: { 'if-match': '"1"' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    expect((await getCustomer(id)).body.version).toBe(2);
    expect(await historyOf(id)).toHaveLength(2);
  });

  it('without If-Match: each applies on top of the one before, and no change is lost', async () => {
    const id = await register(person());
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => putCustomer(id, { profiles: [{ firstName: `Name${i}` }] })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(n).fill(200));
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i + 2),
    );
    const after = await getCustomer(id);
    expect(after.body.version).toBe(n + 1);
    // Oldest first: each entry's "before" is the name the entry before it wrote.
    const updates = (await historyOf(id)).filter((e) => e.action === 'customer.updated').reverse();
    expect(updates).toHaveLength(n);
    let name = 'Priya';
    for (const entry of updates) {
      expect(entry.changes).toEqual([{ path: 'profiles.INSTORE.firstName', before: name, after: expect.any(String) }]);
      name = entry.changes[0]!.after as string;
    }
    expect(after.body.profiles[0]!.firstName).toBe(name);
  });
});
