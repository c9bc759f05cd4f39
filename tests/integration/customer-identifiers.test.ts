import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { identityKeys } from '@/db/schema';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { changeIdentifier, codesOf, getCustomer, getHistory, register, type Failure } from './care-helpers';
import { createTestOrg } from './test-org';
import { call, DEMO_TILL, OTHER_TILL, READONLY_TILL, uniqueEmail, uniqueMobile } from './helpers';

function person(identifiers: Record<string, unknown>[], source = 'INSTORE') {
  return { profiles: [{ source, firstName: 'Priya', lastName: 'Sharma', identifiers }] };
}

async function identifiersOf(id: number, query = '') {
  const res = await getCustomer(id, DEMO_TILL, query);
  expect(res.status).toBe(200);
  return res.body.profiles[0]!.identifiers.map((i) => `${i.type}:${i.value}`);
}

async function keyHolder(type: string, value: string): Promise<number | null> {
  const [row] = await (
    await getDb()
  )
    .select({ customerId: identityKeys.customerId })
    .from(identityKeys)
    .where(and(eq(identityKeys.type, type), eq(identityKeys.value, value)));
  return row?.customerId ?? null;
}

describe('POST /v2/customers/{id}/changeIdentifier', () => {
  it('replaces a mobile (remove + add of one type): one removed and one added entry, the old mobile free at once', async () => {
    const [oldMobile, newMobile] = [uniqueMobile(), uniqueMobile()];
    const id = await register(person([{ type: 'mobile', value: oldMobile }]));
    const res = await changeIdentifier(
      id,
      { add: [{ type: 'mobile', value: `+${newMobile}` }], remove: [{ type: 'MOBILE', value: oldMobile }] },
      { headers: { 'if-match': '"1"', 'x-request-id': 'replace-1' } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id, version: 2, warnings: [] });
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await identifiersOf(id)).toEqual([`mobile:${newMobile}`]);
    const history = (await getHistory(id)).body.entries;
    expect(history.slice(0, 2)).toMatchObject([
      {
        action: 'identifier.added',
        requestId: 'replace-1',
        changes: [{ path: 'identifiers.INSTORE.mobile', before: null, after: newMobile }],
      },
      {
        action: 'identifier.removed',
        requestId: 'replace-1',
        changes: [{ path: 'identifiers.INSTORE.mobile', before: oldMobile, after: null }],
      },
    ]);
    expect(await keyHolder('mobile', oldMobile)).toBeNull();
    expect(await keyHolder('mobile', newMobile)).toBe(id);
    // The removed mobile is free at once: another person registers it as a new customer.
    const other = await register(person([{ type: 'mobile', value: oldMobile }]));
    expect(other).not.toBe(id);
    expect(await keyHolder('mobile', oldMobile)).toBe(other);
  });

  it('answers 8131 naming the holder for a unique identifier of another customer, and never merges', async () => {
    const email = uniqueEmail();
    const holder = await register(
      person([
        { type: 'mobile', value: uniqueMobile() },
        { type: 'email', value: email },
      ]),
    );
    const id = await register(person([{ type: 'mobile', value: uniqueMobile() }]));
    const res = await changeIdentifier(id, { add: [{ type: 'email', value: email.toUpperCase() }] });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      warnings: [],
      errors: [
        {
          status: false,
          code: 8131,
          message: `Identifier email ${email} belongs to customer ${holder}`,
          field: 'add[0].value',
        },
      ],
    });
    expect(await keyHolder('email', email)).toBe(holder);
    expect((await getCustomer(id)).body.version).toBe(1);
  });

  it('applies a mixed add/remove atomically: one conflict and nothing of the rest is written', async () => {
    const taken = uniqueEmail();
    await register(
      person([
        { type: 'mobile', value: uniqueMobile() },
        { type: 'email', value: taken },
      ]),
    );
    const [mobile, freshEmail, freshExt] = [uniqueMobile(), uniqueEmail(), `EXT-${uniqueMobile()}`];
    const id = await register(
      person([
        { type: 'mobile', value: mobile },
        { type: 'email', value: uniqueEmail() },
      ]),
    );
    const before = await identifiersOf(id);
    const res = await changeIdentifier(id, {
      add: [
        { type: 'externalId', value: freshExt },
        { type: 'email', value: taken },
        { type: 'email', value: freshEmail },
      ],
      remove: [{ type: 'mobile', value: mobile }],
    });
    expect(res.status).toBe(409);
    expect(codesOf(res)).toEqual([8131]);
    expect(await identifiersOf(id)).toEqual(before);
    expect(await keyHolder('mobile', mobile)).toBe(id);
    expect(await keyHolder('externalId', freshExt)).toBeNull();
    expect(await keyHolder('email', freshEmail)).toBeNull();
    expect((await getHistory(id)).body.entries).toHaveLength(1);
  });

  it('warns 8132 for an identifier already on the account, and adds cards with series and status', async () => {
    const mobile = uniqueMobile();
    const card = `C${uniqueMobile()}`;
    const id = await register(person([{ type: 'mobile', value: mobile }]));
    const res = await changeIdentifier(id, {
      add: [
        { type: 'mobile', value: mobile },
        { type: 'cardnumber', value: card, seriesId: 73, statusLabel: 'ACTIVE' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.warnings).toEqual([
      { status: false, code: 8132, message: `Identifier mobile ${mobile} is already on this account` },
    ]);
    const profile = (await getCustomer(id)).body.profiles[0]!;
    expect(profile.identifiers).toEqual([
      { type: 'mobile', value: mobile },
      { type: 'cardnumber', value: card, seriesId: 73, statusLabel: 'ACTIVE' },
    ]);
    const nothing = await changeIdentifier(id, { add: [{ type: 'mobile', value: mobile }] });
    expect(nothing.status).toBe(200);
    expect(nothing.body.version).toBe(2);
  });

  it('answers 8130 for invalid values (the primary type too), 8121 for types not allowed, 8114 for unknown series', async () => {
    const id = await register(person([{ type: 'mobile', value: uniqueMobile() }]));
    const res = await changeIdentifier(id, {
      add: [
        { type: 'mobile', value: '12ab' },
        { type: 'email', value: 'not-an-email' },
        { type: 'passport', value: 'X1' },
        { type: 'cardnumber', value: 'C1', seriesId: 999 },
      ],
      remove: [{ type: 'email', value: '' }],
    });
    expect(res.status).toBe(400);
    expect((res.body as unknown as Failure).errors.map((e) => [e.code, e.field])).toEqual([
      [8130, 'add[0].value'],
      [8130, 'add[1].value'],
      [8121, 'add[2].type'],
      [8114, 'add[3].seriesId'],
      [8130, 'remove[0].value'],
    ]);
    expect((res.body as unknown as Failure).errors[0]!.message).toBe('Invalid identifier mobile: 12ab');
    const empty = await changeIdentifier(id, { add: [], remove: [] });
    expect(empty.status).toBe(400);
    expect(codesOf(empty)).toEqual([400]);
  });

  it('answers 8133 for an identifier the account lacks and 8134 for an account left without any', async () => {
    const mobile = uniqueMobile();
    const id = await register(person([{ type: 'mobile', value: mobile }]));
    const missing = await changeIdentifier(id, { remove: [{ type: 'email', value: 'nobody@example.com' }] });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      errors: [{ code: 8133, message: 'Identifier email nobody@example.com not found', field: 'remove[0].value' }],
    });
    const last = await changeIdentifier(id, { remove: [{ type: 'mobile', value: mobile }] });
    expect(last.status).toBe(400);
    expect(codesOf(last)).toEqual([8134]);
    expect(await identifiersOf(id)).toEqual([`mobile:${mobile}`]);
  });

  it('refuses to remove a mandatory type without a replacement (1006 / 1039 / 1043)', async () => {
    const org = await createTestOrg({ mandatory: ['mobile', 'email'] });
    const [mobile, email] = [uniqueMobile(), uniqueEmail()];
    const id = await register(
      person([
        { type: 'mobile', value: mobile },
        { type: 'email', value: email },
        { type: 'externalId', value: `E${mobile}` },
      ]),
      org.auth,
    );
    const res = await changeIdentifier(
      id,
      {
        remove: [
          { type: 'mobile', value: mobile },
          { type: 'email', value: email },
        ],
      },
      { authorization: org.auth },
    );
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual([1006, 1039]);
    const replaced = await changeIdentifier(
      id,
      { remove: [{ type: 'email', value: email }], add: [{ type: 'email', value: uniqueEmail() }] },
      { authorization: org.auth },
    );
    expect(replaced.status).toBe(200);
  });

  it('changes the account of ?source= and ?accountId=, 8128 when the customer lacks it, 412 on a stale If-Match', async () => {
    const mobile = uniqueMobile();
    const id = await register(person([{ type: 'mobile', value: mobile }]));
    await register(person([{ type: 'mobile', value: mobile }], 'WEBSITE'));
    const ext = `W${mobile}`;
    const website = await changeIdentifier(
      id,
      { add: [{ type: 'externalId', value: ext }] },
      { query: '?source=website' },
    );
    expect(website.status).toBe(200);
    expect(await identifiersOf(id, '?source=WEBSITE')).toEqual([`mobile:${mobile}`, `externalId:${ext}`]);
    expect(await identifiersOf(id, '?source=INSTORE')).toEqual([`mobile:${mobile}`]);
    const lacking = await changeIdentifier(
      id,
      { add: [{ type: 'externalId', value: `X${mobile}` }] },
      { query: '?source=LINE' },
    );
    expect(lacking.body).toMatchObject({ errors: [{ code: 8128, message: 'Customer has no source account LINE' }] });
    const stale = await changeIdentifier(
      id,
      { add: [{ type: 'externalId', value: `Y${mobile}` }] },
      { headers: { 'if-match': '"1"' } },
    );
    expect(stale.status).toBe(412);
    expect(codesOf(stale)).toEqual([412]);
  });

  it('keeps a unique key while another account of the same customer still holds the value', async () => {
    const mobile = uniqueMobile();
    const id = await register(
      person([
        { type: 'mobile', value: mobile },
        { type: 'externalId', value: `K${mobile}` },
      ]),
    );
    await register(person([{ type: 'mobile', value: mobile }], 'WEBSITE'));
    const res = await changeIdentifier(id, { remove: [{ type: 'mobile', value: mobile }] });
    expect(res.status).toBe(200);
    expect(await keyHolder('mobile', mobile)).toBe(id);
    // Back on INSTORE: the key is this customer's own, no conflict.
    const back = await changeIdentifier(id, { add: [{ type: 'mobile', value: mobile }] });
    expect(back.status).toBe(200);
  });
});

describe('races on identifiers', () => {
  it('20 customers adding one new email at once: exactly 1 success and 19 × 8131', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => register(person([{ type: 'mobile', value: uniqueMobile() }]))),
    );
    const email = uniqueEmail();
    const results = await Promise.all(
      ids.map((id) => changeIdentifier(id, { add: [{ type: 'email', value: email }] })),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    const winner = ids[results.indexOf(winners[0]!)]!;
    const losers = results.filter((r) => r.status !== 200);
    expect(losers.map((r) => [r.status, ...codesOf(r)])).toEqual(Array(19).fill([409, 8131]));
    for (const r of losers)
      expect((r.body as unknown as Failure).errors[0]!.message).toBe(
        `Identifier email ${email} belongs to customer ${winner}`,
      );
    expect(await keyHolder('email', email)).toBe(winner);
  });

  it('a mobile removed by one customer, registered and added by others at once: each gets it exactly once', async () => {
    const mobile = uniqueMobile();
    const id = await register(
      person([
        { type: 'mobile', value: mobile },
        { type: 'email', value: uniqueEmail() },
      ]),
    );
    const other = await register(person([{ type: 'mobile', value: uniqueMobile() }]));
    const [removed, registered, added] = await Promise.all([
      changeIdentifier(id, { remove: [{ type: 'mobile', value: mobile }] }),
      call<{ createdId: number }>(REGISTER, {
        body: person([{ type: 'mobile', value: mobile }]),
        headers: { authorization: DEMO_TILL },
      }),
      changeIdentifier(other, { add: [{ type: 'mobile', value: mobile }] }),
    ]);
    expect(removed.status).toBe(200);
    // Whoever came after the removal got it; whoever came before was refused; never both, never a merge.
    const holder = await keyHolder('mobile', mobile);
    const winners = [
      registered.status === 200 ? registered.body.createdId : null,
      added.status === 200 ? other : null,
    ].filter((w) => w !== null);
    expect(winners).toEqual(holder === null ? [] : [holder]);
    expect(holder).not.toBe(id);
    if (registered.status !== 200) expect(registered.status).toBe(409);
    if (added.status !== 200) expect(codesOf(added)).toEqual([8131]);
    // And afterwards, if nobody won the race, it is free for the next one.
    if (holder === null)
      expect((await changeIdentifier(other, { add: [{ type: 'mobile', value: mobile }] })).status).toBe(200);
  });
});

describe('who may change identifiers', () => {
  it('401 without credentials, 403 for a read-only till, 404 (8015) for another org or an unknown id', async () => {
    const id = await register(person([{ type: 'mobile', value: uniqueMobile() }]));
    const body = { add: [{ type: 'externalId', value: `A${uniqueMobile()}` }] };
    expect((await changeIdentifier(id, body, { authorization: '' })).status).toBe(401);
    const readOnly = await changeIdentifier(id, body, { authorization: READONLY_TILL });
    expect([readOnly.status, ...codesOf(readOnly)]).toEqual([403, 403]);
    for (const [target, auth] of [
      [id, OTHER_TILL],
      [999999999, DEMO_TILL],
    ] as const) {
      const res = await changeIdentifier(target, body, { authorization: auth });
      expect([res.status, ...codesOf(res)]).toEqual([404, 8015]);
    }
    expect((await getCustomer(id)).body.version).toBe(1);
  });
});
