import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET, POST as POST_ON_ID } from '@/app/v2/customers/[id]/route';
import { POST } from '@/app/v2/customers/route';
import { CustomerViewSchema } from '@/lib/api/schemas';
import { getDb } from '@/db/client';
import { orgs } from '@/db/schema';
import { getRegistrationAudit } from '@/lib/customers/read';
import type { CustomerView } from '@/lib/customers/views';
import { call, DEMO_TILL, OTHER_TILL, uniqueEmail, uniqueMobile } from './helpers';

type Failure = { warnings: unknown[]; errors: { status: boolean; code: number; message: string }[] };

async function register(
  body: Record<string, unknown>,
  authorization = DEMO_TILL,
  headers: Record<string, string> = {},
): Promise<number> {
  const res = await call<{ createdId: number }>(POST, { body, headers: { authorization, ...headers } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.createdId;
}

function getCustomer<T = CustomerView>(id: string | number, query = '', authorization = DEMO_TILL) {
  return call<T>(GET, {
    method: 'GET',
    path: `/v2/customers/${id}${query}`,
    params: { id: String(id) },
    headers: { authorization },
  });
}

describe('GET /v2/customers/{id}', () => {
  it('answers what was registered, in the documented shape', async () => {
    const mobile = uniqueMobile();
    const email = uniqueEmail();
    const id = await register(
      {
        associatedWith: 'bukl.till',
        statusLabel: 'gold member',
        profiles: [
          {
            source: 'instore',
            firstName: ' Ada ',
            lastName: 'Lovelace',
            // The email comes first in the request; the org's primary type (mobile) is listed first.
            identifiers: [
              { type: 'email', value: email.toUpperCase() },
              { type: 'mobile', value: `+${mobile}` },
              {
                type: 'cardnumber',
                value: `C${mobile}`,
                seriesId: 73,
                statusLabel: 'ACTIVE',
                extendedFields: { custom_card_name: 'Mystays' },
              },
            ],
            commChannels: [
              {
                type: 'email',
                value: email,
                primary: 'true',
                verified: false,
                subscribed: true,
                meta: { residence: 'true' },
              },
              { type: 'mobile', value: mobile, primary: false, verified: 'true', meta: {} },
            ],
            fields: { city: 'Pune' },
          },
        ],
        extendedFields: { gender: 'Female', dob: '1988/05/10', country_of_residence: 'Japan' },
        loyaltyProgramEnrollments: [
          {
            programId: 469,
            tierNumber: 2,
            loyaltyPoints: 75.5,
            tierExpiryDate: '2030-02-11T16:36:17+05:30',
            pointsExpiryDate: '2030-02-11T16:36:17+05:30',
          },
        ],
      },
      DEMO_TILL,
      { 'user-context-entity-type': 'STAFF' },
    );

    const res = await getCustomer(id);
    expect(res.status).toBe(200);
    expect(CustomerViewSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      id,
      version: 1,
      statusLabel: 'Gold Member',
      status: 'ACTIVE',
      loyaltyInfo: { loyaltyType: 'loyalty' },
      extendedFields: {
        gender: 'Female',
        dob: expect.stringMatching(/^1988-05-10T00:00:00(\.000)?Z$/),
        country_of_residence: 'JP',
      },
      profiles: [
        {
          source: 'INSTORE',
          accountId: '',
          firstName: 'Ada',
          lastName: 'Lovelace',
          identifiers: [
            { type: 'mobile', value: mobile },
            { type: 'email', value: email },
            {
              type: 'cardnumber',
              value: `C${mobile}`,
              seriesId: 73,
              statusLabel: 'ACTIVE',
              extendedFields: { custom_card_name: 'Mystays' },
            },
          ],
          commChannels: [
            {
              type: 'email',
              value: email,
              primary: true,
              verified: false,
              subscribed: true,
              meta: { residence: true },
            },
            { type: 'mobile', value: mobile, primary: false, verified: true, meta: {} },
          ],
          fields: { city: 'Pune' },
          attribution: { createDate: expect.any(String), createdBy: { code: 'demo.till', type: 'TILL' } },
        },
      ],
      loyaltyProgramEnrollments: [
        {
          programId: 469,
          programName: 'Demo Loyalty',
          tierNumber: 2,
          tierName: 'Gold',
          loyaltyPoints: 75.5,
          tierExpiryDate: '2030-02-11T11:06:17Z',
          pointsExpiryDate: '2030-02-11T11:06:17Z',
        },
      ],
      sideEffects: [{ entityType: 'USER', rawAwardedPoints: 75.5, awardedPoints: 75, type: 'points' }],
      referralCode: expect.any(String),
      registeredTill: 'bukl.till',
      warnings: [],
    });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it("shows the side effects of the registration as its POST answered them, the referrer's bonus included", async () => {
    const referrerId = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    const referrer = (await getCustomer(referrerId)).body;
    const created = await call<{ createdId: number; sideEffects: unknown[] }>(POST, {
      headers: { authorization: DEMO_TILL },
      body: {
        profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
        referralCode: referrer.referralCode,
        loyaltyProgramEnrollments: [
          {
            programId: 470,
            tierNumber: 1,
            loyaltyPoints: 0,
            tierExpiryDate: '2030-01-01T00:00:00+00:00',
            pointsExpiryDate: '2030-01-01T00:00:00+00:00',
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    const view = (await getCustomer(created.body.createdId)).body;
    expect(view.sideEffects).toEqual(created.body.sideEffects);
    expect(view.sideEffects.map((e) => e.type)).toEqual(['points', 'coupon', 'alternate_currency', 'points']);
    expect(view.sideEffects.at(-1)).toEqual({
      entityType: 'USER',
      rawAwardedPoints: 100,
      awardedPoints: 100,
      type: 'points',
      isReferrer: true,
      customerId: referrerId,
    });
    // The bonus is the new customer's registration's doing, not the referrer's.
    expect(referrer.sideEffects).toEqual([]);
  });

  it('lists every source account, INSTORE first, and narrows them with source and accountId', async () => {
    const mobile = uniqueMobile();
    const line = {
      source: 'LINE',
      accountId: '2001914141242',
      identifiers: [{ type: 'mobile', value: mobile }],
      firstName: 'Line',
    };
    const id = await register({ profiles: [line] });
    expect(
      await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] }),
    ).toBe(id);
    expect(
      await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] }),
    ).toBe(id);

    const all = await getCustomer(id, '?source=ALL&accountId=');
    expect(all.body.profiles.map((p) => [p.source, p.accountId])).toEqual([
      ['INSTORE', ''],
      ['LINE', '2001914141242'],
      ['WEBSITE', ''],
    ]);
    const lineOnly = await getCustomer(id, '?source=line&accountId=2001914141242');
    expect(lineOnly.status).toBe(200);
    expect(lineOnly.body.profiles).toEqual([
      expect.objectContaining({ source: 'LINE', accountId: '2001914141242', firstName: 'Line' }),
    ]);
    expect((await getCustomer(id, '?source=WEBSITE')).body.profiles.map((p) => p.source)).toEqual(['WEBSITE']);
    // A source the customer has no account in: not found "for the given identifiers".
    expect((await getCustomer<Failure>(id, '?source=FACEBOOK')).body.errors[0]?.code).toBe(8015);
    expect((await getCustomer<Failure>(id, '?source=LINE&accountId=other-account')).status).toBe(404);
  });

  it('refuses an unknown source with 3217', async () => {
    const id = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    const res = await getCustomer<Failure>(id, '?source=MYSPACE');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ warnings: [], errors: [{ status: false, code: 3217, message: 'Source is invalid' }] });
  });

  it.each([
    ['not a number', 'abc'],
    ['unknown', '999999999999'],
    ['too long', '1'.repeat(40)],
    ['zero', '0'],
  ])('answers 404 8015 for an id that is %s', async (_, id) => {
    const res = await getCustomer<Failure>(id);
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([
      { status: false, code: 8015, message: 'Customer not found for the given identifiers' },
    ]);
  });

  it("answers another org's customer exactly like an unknown one, both ways", async () => {
    const demoId = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    const otherId = await register(
      { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      OTHER_TILL,
    );
    for (const [id, till] of [
      [demoId, OTHER_TILL],
      [otherId, DEMO_TILL],
    ] as const) {
      const res = await getCustomer<Failure>(id, '', till);
      expect(res.status).toBe(404);
      expect(res.body.errors[0]?.code).toBe(8015);
    }
    expect((await getCustomer(otherId, '', OTHER_TILL)).status).toBe(200);
  });

  it('needs credentials and answers other methods with 405', async () => {
    const noAuth = await call<Failure>(GET, { method: 'GET', path: '/v2/customers/1', params: { id: '1' } });
    expect(noAuth.status).toBe(401);
    expect(noAuth.body.errors[0]?.code).toBe(401);
    const post = await call<Failure>(POST_ON_ID!, {
      path: '/v2/customers/1',
      body: {},
      params: { id: '1' },
      headers: { authorization: DEMO_TILL },
    });
    expect(post.status).toBe(405);
    expect(post.body.errors[0]?.code).toBe(405);
  });
});

describe('getRegistrationAudit (the customer page\'s "registered by")', () => {
  it('names the client, the user-context headers and the request of the registration, in its own org only', async () => {
    const db = await getDb();
    const orgIdOf = async (code: string) =>
      (await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code)))[0]!.id;
    const mobile = uniqueMobile();
    const id = await register(
      { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] },
      DEMO_TILL,
      { 'x-request-id': `audit-${mobile}`, 'user-context-entity-type': 'STAFF', 'user-context-entity-id': '42' },
    );
    // A later source account of the same customer does not change who registered it.
    await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] }, DEMO_TILL);

    expect(await getRegistrationAudit(db, await orgIdOf('demo'), id)).toEqual({
      actorType: 'TILL',
      actorCode: 'demo.till',
      userContext: { entityType: 'STAFF', entityId: '42' },
      requestId: `audit-${mobile}`,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
    });
    expect(await getRegistrationAudit(db, await orgIdOf('other'), id)).toBeNull();
  });
});
