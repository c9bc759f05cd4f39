import { describe, expect, it } from 'vitest';
import { GET } from '@/app/v2/customers/lookup/route';
import { POST } from '@/app/v2/customers/route';
import { LookupResponseSchema } from '@/lib/api/schemas';
import { call, DEMO_TILL, OTHER_TILL, uniqueEmail, uniqueMobile } from './helpers';

type Failure = { warnings: unknown[]; errors: { status: boolean; code: number; message: string; field?: string }[] };

async function register(profiles: Record<string, unknown>[], authorization = DEMO_TILL): Promise<number> {
  const res = await call<{ createdId: number }>(POST, { body: { profiles }, headers: { authorization } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.createdId;
}

function lookup<T = { entity: number; warnings: unknown[] }>(query: Record<string, string>, authorization = DEMO_TILL) {
  return call<T>(GET, {
    method: 'GET',
    path: `/v2/customers/lookup?${new URLSearchParams(query)}`,
    headers: { authorization },
  });
}

describe('GET /v2/customers/lookup', () => {
  it('finds a customer by mobile, email or external id, written as a user would type them', async () => {
    const mobile = uniqueMobile();
    const email = uniqueEmail();
    const externalId = `ext-${mobile}`;
    const id = await register([
      {
        source: 'INSTORE',
        identifiers: [
          { type: 'mobile', value: mobile },
          { type: 'email', value: email },
          { type: 'externalId', value: externalId },
        ],
      },
    ]);
    const typed: [string, string][] = [
      ['mobile', `+${mobile}`],
      ['EMAIL', email.toUpperCase()],
      ['externalId', ` ${externalId} `],
    ];
    for (const [identifierName, identifierValue] of typed) {
      const res = await lookup({ identifierName, identifierValue });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ entity: id, warnings: [] });
      expect(LookupResponseSchema.parse(res.body)).toEqual(res.body);
    }
  });

  it('searches INSTORE unless told otherwise; source and accountId narrow the search', async () => {
    const mobile = uniqueMobile();
    const id = await register([
      { source: 'LINE', accountId: '2001914141242', identifiers: [{ type: 'mobile', value: mobile }] },
    ]);
    expect((await lookup<Failure>({ identifierName: 'mobile', identifierValue: mobile })).status).toBe(404);
    expect((await lookup({ identifierName: 'mobile', identifierValue: mobile, source: 'LINE' })).body.entity).toBe(id);
    expect((await lookup({ identifierName: 'mobile', identifierValue: mobile, source: 'ALL' })).body.entity).toBe(id);
    const inAccount = await lookup({
      identifierName: 'mobile',
      identifierValue: mobile,
      source: 'line',
      accountId: '2001914141242',
    });
    expect(inAccount.body.entity).toBe(id);
    const otherAccount = await lookup<Failure>({
      identifierName: 'mobile',
      identifierValue: mobile,
      source: 'LINE',
      accountId: 'nope',
    });
    expect(otherAccount.status).toBe(404);
  });

  it('answers a miss with 404 8015', async () => {
    const res = await lookup<Failure>({ identifierName: 'mobile', identifierValue: uniqueMobile() });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      warnings: [],
      errors: [{ status: false, code: 8015, message: 'Customer not found for the given identifiers' }],
    });
  });

  it("never finds another org's customer", async () => {
    const mobile = uniqueMobile();
    await register([{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }], OTHER_TILL);
    expect((await lookup<Failure>({ identifierName: 'mobile', identifierValue: mobile })).status).toBe(404);
    expect((await lookup({ identifierName: 'mobile', identifierValue: mobile }, OTHER_TILL)).status).toBe(200);
  });

  it('names each missing parameter', async () => {
    const none = await lookup<Failure>({});
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([
      { status: false, code: 400, message: 'identifierName: is required', field: 'identifierName' },
      { status: false, code: 400, message: 'identifierValue: is required', field: 'identifierValue' },
    ]);
    const noValue = await lookup<Failure>({ identifierName: 'mobile', identifierValue: '  ' });
    expect(noValue.body.errors.map((e) => e.field)).toEqual(['identifierValue']);
  });

  it('refuses an unknown identifier type (8121) and an unknown source (3217)', async () => {
    const type = await lookup<Failure>({ identifierName: 'shoeSize', identifierValue: '42' });
    expect(type.status).toBe(400);
    expect(type.body.errors).toEqual([
      { status: false, code: 8121, message: 'Invalid identifier type: shoeSize', field: 'identifierName' },
    ]);
    const source = await lookup<Failure>({
      identifierName: 'mobile',
      identifierValue: '919800000000',
      source: 'MYSPACE',
    });
    expect(source.status).toBe(400);
    expect(source.body.errors[0]?.code).toBe(3217);
  });
});
