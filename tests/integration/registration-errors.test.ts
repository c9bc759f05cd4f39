// Every error of the catalogue that POST /v2/customers can answer, provoked and checked:
// HTTP status, code and message, and that nothing was written.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { POST, GET } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { BENCH_TILL, basicAuth, call, DEMO_TILL, READONLY_TILL, uniqueEmail, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

type Failure = {
  createdId: null;
  warnings: unknown[];
  errors: { status: boolean; code: number; message: string; field?: string }[];
};

const person = (identifiers: unknown[], extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  profiles: [{ firstName: 'Ada', lastName: 'Lovelace', source: 'INSTORE', identifiers, ...extra }],
  ...top,
});
const mobile = () => ({ type: 'mobile', value: uniqueMobile() });

async function customerCount(): Promise<number> {
  const [row] = await execRows<{ n: number | string }>(await getDb(), sql`select count(*) as n from customers`);
  return Number(row?.n);
}

let strictOrg: Awaited<ReturnType<typeof createTestOrg>>;
let mandatoryOrg: Awaited<ReturnType<typeof createTestOrg>>;
let narrowOrg: Awaited<ReturnType<typeof createTestOrg>>;

beforeAll(async () => {
  strictOrg = await createTestOrg({ mobile: { strict: true, country: 'IN' } });
  mandatoryOrg = await createTestOrg({
    mandatory: ['mobile', 'email', 'externalId'],
    customFields: [
      { name: 'visits', dataType: 'INTEGER' },
      { name: 'member_since', dataType: 'DATE' },
      { name: 'tier_pref', dataType: 'ENUM', enumValues: ['Gold', 'Silver'] },
      { name: 'store_code', dataType: 'STRING', mandatory: true },
    ],
    mandatoryExtendedFieldIds: [2], // city
  });
  narrowOrg = await createTestOrg({ allowed: ['mobile', 'email'] });
});

interface Case {
  name: string;
  auth?: () => string;
  body: () => unknown;
  status: number;
  codes: number[];
  message?: string;
}

const cases: Case[] = [
  {
    name: 'a profile without source',
    body: () => ({ profiles: [{ identifiers: [mobile()] }] }),
    status: 400,
    codes: [8004],
    message: 'Add failed, No source passed',
  },
  {
    name: 'an unknown source',
    body: () => person([mobile()], { source: 'MYSPACE' }),
    status: 400,
    codes: [3217],
    message: 'Source is invalid',
  },
  {
    name: 'a source the org has not enabled',
    auth: () => BENCH_TILL,
    body: () => person([mobile()], { source: 'FACEBOOK', accountId: 'fb-demo-1' }),
    status: 400,
    codes: [3217],
  },
  {
    name: 'no identifiers',
    body: () => person([]),
    status: 400,
    codes: [8005],
    message: 'Add failed, No valid identifiers passed',
  },
  {
    name: 'only an invalid secondary identifier',
    body: () => person([{ type: 'email', value: 'not-an-email' }]),
    status: 400,
    codes: [8005],
  },
  {
    name: 'an unknown channel type',
    body: () => person([mobile()], { commChannels: [{ type: 'pigeon', value: 'coo' }] }),
    status: 400,
    codes: [8010],
    message: 'Invalid communication channel passed',
  },
  {
    name: 'a mobile with a letter',
    body: () => person([{ type: 'mobile', value: '98765A3210' }]),
    status: 400,
    codes: [8014],
    message: 'Error in customer registration: Invalid Primary Id - 98765A3210',
  },
  { name: 'a mobile too short', body: () => person([{ type: 'mobile', value: '12345' }]), status: 400, codes: [8014] },
  {
    name: 'a mobile that is not a real number (strict org)',
    auth: () => strictOrg.auth,
    body: () => person([{ type: 'mobile', value: '911234' }]),
    status: 400,
    codes: [8014],
  },
  {
    name: 'a status label the org lacks',
    body: () => person([mobile()], {}, { statusLabel: 'Platinum VIP' }),
    status: 400,
    codes: [8086],
    message: 'Status label passed is not valid',
  },
  {
    name: 'a multi-account source without accountId',
    body: () => person([mobile()], { source: 'LINE' }),
    status: 400,
    codes: [8127],
    message: 'Invalid source or accountId passed',
  },
  {
    name: 'an accountId the org has not configured',
    body: () => person([mobile()], { source: 'LINE', accountId: '999' }),
    status: 400,
    codes: [8127],
  },
  {
    name: 'the same source account twice',
    body: () => ({
      profiles: [
        { source: 'INSTORE', identifiers: [mobile()] },
        { source: 'instore', identifiers: [mobile()] },
      ],
    }),
    status: 400,
    codes: [8127],
  },
  {
    name: 'mandatory mobile, email and external id missing',
    auth: () => mandatoryOrg.auth,
    body: () =>
      person([{ type: 'cuid', value: 'c-1' }], { fields: { store_code: 'S1' } }, { extendedFields: { city: 'Pune' } }),
    status: 400,
    codes: [1006, 1039, 1043],
    message: 'Mobile is mandatory',
  },
  {
    name: 'an extended field outside its enum',
    body: () => person([mobile()], {}, { extendedFields: { gender: 'Robot' } }),
    status: 400,
    codes: [91015],
    message: 'Invalid extended field value: gender',
  },
  {
    name: 'an extended date that does not exist',
    body: () => person([mobile()], {}, { extendedFields: { dob: '1988-02-30' } }),
    status: 400,
    codes: [91015],
    message: 'Invalid extended field value: dob',
  },
  {
    name: 'an unknown country',
    body: () => person([mobile()], {}, { extendedFields: { country_of_residence: 'Narnia' } }),
    status: 400,
    codes: [91015],
  },
  {
    name: 'a mandatory extended field missing',
    auth: () => mandatoryOrg.auth,
    body: () =>
      person(
        [mobile(), { type: 'email', value: uniqueEmail() }, { type: 'externalId', value: 'x1' }],
        { fields: { store_code: 'S1' } },
        { extendedFields: { city: '' } },
      ),
    status: 400,
    codes: [91016],
    message: 'Extended field city is mandatory',
  },
  {
    name: 'custom fields of the wrong type',
    auth: () => mandatoryOrg.auth,
    body: () =>
      person(
        [mobile(), { type: 'email', value: uniqueEmail() }, { type: 'externalId', value: 'x2' }],
        { fields: { visits: 'many', member_since: '2020-13-01', tier_pref: 'Bronze', store_code: 'S1' } },
        { extendedFields: { city: 'Pune' } },
      ),
    status: 400,
    codes: [8111, 8111, 8111],
    message: 'Invalid custom field value: visits',
  },
  {
    name: 'a mandatory custom field missing',
    auth: () => mandatoryOrg.auth,
    body: () =>
      person(
        [mobile(), { type: 'email', value: uniqueEmail() }, { type: 'externalId', value: 'x3' }],
        {},
        { extendedFields: { city: 'Pune' } },
      ),
    status: 400,
    codes: [8112],
    message: 'Custom field store_code is mandatory',
  },
  {
    name: 'an unknown loyalty program',
    body: () => person([mobile()], {}, { loyaltyProgramEnrollments: [{ programId: 999, tierNumber: 1 }] }),
    status: 400,
    codes: [8113],
    message: 'Invalid loyalty program or tier: 999/1',
  },
  {
    name: 'a tier the program lacks',
    body: () => person([mobile()], {}, { loyaltyProgramEnrollments: [{ programId: 469, tierNumber: 9 }] }),
    status: 400,
    codes: [8113],
    message: 'Invalid loyalty program or tier: 469/9',
  },
  {
    name: 'an unknown card series',
    body: () => person([mobile(), { type: 'cardnumber', value: `C${uniqueMobile()}`, seriesId: 99 }]),
    status: 400,
    codes: [8114],
    message: 'Invalid card series: 99',
  },
  {
    name: 'an expiry date that does not parse',
    body: () =>
      person([mobile()], {}, { loyaltyProgramEnrollments: [{ programId: 469, tierExpiryDate: 'next tuesday' }] }),
    status: 400,
    codes: [8115],
    message: 'Invalid date: tierExpiryDate',
  },
  {
    name: 'an unknown identifier type',
    body: () => person([mobile(), { type: 'passport', value: 'P123' }]),
    status: 400,
    codes: [8121],
    message: 'Invalid identifier type: passport',
  },
  {
    name: 'an identifier type the org does not allow',
    auth: () => narrowOrg.auth,
    body: () => person([mobile(), { type: 'externalId', value: 'E1' }]),
    status: 400,
    codes: [8121],
  },
  { name: 'profiles that is not an array', body: () => ({ profiles: 'Ada' }), status: 400, codes: [400] },
  {
    name: 'negative points',
    body: () => person([mobile()], {}, { loyaltyProgramEnrollments: [{ programId: 469, loyaltyPoints: -5 }] }),
    status: 400,
    codes: [400],
  },
  { name: 'a profile that is not an object', body: () => ({ profiles: [42] }), status: 400, codes: [400] },
];

describe('POST /v2/customers refuses bad requests with the catalogued error', () => {
  it.each(cases)('$name → $codes', async (c) => {
    const before = await customerCount();
    const res = await call<Failure>(POST, { body: c.body(), headers: { authorization: c.auth?.() ?? DEMO_TILL } });
    expect(res.status).toBe(c.status);
    expect(res.body.createdId).toBeNull();
    expect(res.body.errors.map((e) => e.code)).toEqual(c.codes);
    expect(res.body.errors.every((e) => e.status === false)).toBe(true);
    if (c.message) expect(res.body.errors[0]?.message).toBe(c.message);
    expect(await customerCount()).toBe(before);
  });

  it('reports several schema problems at once, each naming its JSON path', async () => {
    const res = await call<Failure>(POST, {
      body: {
        profiles: [
          { source: 'INSTORE', identifiers: 'x', commChannels: [{ type: 'email', value: 'a@b.co', primary: 'maybe' }] },
        ],
      },
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^profiles\[0\]\.identifiers: /),
      expect.stringMatching(/^profiles\[0\]\.commChannels\[0\]\.primary: /),
    ]);
  });

  it('answers 400 for malformed JSON and for a body that is not an object', async () => {
    const bad = await call<Failure>(POST, {
      rawBody: '{"profiles": [',
      headers: { authorization: DEMO_TILL, 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ code: 400, message: 'body: malformed JSON' });
    const list = await call<Failure>(POST, { body: [1, 2], headers: { authorization: DEMO_TILL } });
    expect(list.status).toBe(400);
    expect(list.body.errors[0]?.message).toBe('body: must be a JSON object');
  });

  it('answers 401 without credentials or with a wrong password, 403 for a read-only till', async () => {
    const none = await call<Failure>(POST, { body: person([mobile()]) });
    expect([none.status, none.body.errors[0]?.code]).toEqual([401, 401]);
    const wrong = await call<Failure>(POST, {
      body: person([mobile()]),
      headers: { authorization: basicAuth('demo.till', 'Wrong@123') },
    });
    expect([wrong.status, wrong.body.errors[0]?.code]).toEqual([401, 401]);
    const readonly = await call<Failure>(POST, { body: person([mobile()]), headers: { authorization: READONLY_TILL } });
    expect([readonly.status, readonly.body.errors[0]?.code]).toEqual([403, 403]);
  });

  it('checks credentials before the content type, and the content type before the size', async () => {
    const unauth = await call<Failure>(POST, { rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(unauth.status).toBe(401);
    const text = await call<Failure>(POST, {
      rawBody: 'hello',
      headers: { authorization: DEMO_TILL, 'content-type': 'text/plain' },
    });
    expect([text.status, text.body.errors[0]?.code]).toEqual([415, 415]);
    const huge = await call<Failure>(POST, {
      body: { profiles: [], pad: 'x'.repeat(1024 * 1024) },
      headers: { authorization: DEMO_TILL },
    });
    expect([huge.status, huge.body.errors[0]?.code]).toEqual([413, 413]);
  });

  it('answers 405 in the envelope for a method the route does not serve', async () => {
    const res = await call<Failure>(GET!, { method: 'GET', headers: { authorization: DEMO_TILL } });
    expect(res.status).toBe(405);
    expect(res.body).toEqual({
      createdId: null,
      warnings: [],
      errors: [{ status: false, code: 405, message: 'Method not allowed' }],
    });
  });

  it('gives every response an X-Request-Id: the sane one the client sent, else a new one', async () => {
    const mine = await call(POST, {
      body: person([mobile()]),
      headers: { authorization: DEMO_TILL, 'x-request-id': 'till-42_retry-1' },
    });
    expect(mine.headers.get('x-request-id')).toBe('till-42_retry-1');
    const insane = await call(POST, {
      body: {},
      headers: { authorization: DEMO_TILL, 'x-request-id': 'bad id; drop table' },
    });
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
