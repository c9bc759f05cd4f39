// The hostile bodies that once reached PostgreSQL or overflowed the stack (docs/api.md, "Hostile
// input"): each is a 400 naming its path, before any hashing or SQL, and writes nothing.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { GET as lookup } from '@/app/v2/customers/lookup/route';
import { POST } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { call, DEMO_TILL, uniqueMobile } from './helpers';

type Failure = { createdId: null; warnings: unknown[]; errors: { code: number; message: string; field?: string }[] };

const base = (mobile = uniqueMobile()) => ({
  profiles: [{ firstName: 'Ann', source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }],
});
const enrolment = (points: string) =>
  `{"profiles":[{"source":"INSTORE","identifiers":[{"type":"mobile","value":"${uniqueMobile()}"}]}],` +
  `"loyaltyProgramEnrollments":[{"programId":469,"tierNumber":1,"loyaltyPoints":${points}}]}`;

async function rowsOfDemo(): Promise<number> {
  const [row] = await execRows<{ n: string }>(
    await getDb(),
    sql`select (select count(*) from customers c join orgs o on o.id = c.org_id where o.code = 'demo')
      + (select count(*) from audit_log a join orgs o on o.id = a.org_id where o.code = 'demo') as n`,
  );
  return Number(row!.n);
}

const CASES: [string, string, string, string][] = [
  [
    'nesting 5,000 deep',
    `{"profiles":[{"source":"INSTORE","identifiers":[{"type":"mobile","value":"${uniqueMobile()}"}],"commChannels":[{"type":"email","value":"a@example.com","meta":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}]}]}`,
    `profiles[0].commChannels[0].meta.x${'[0]'.repeat(26)}`,
    'nested deeper than 32 levels',
  ],
  ['loyaltyPoints 2^64', enrolment('18446744073709551616'), 'loyaltyProgramEnrollments[0].loyaltyPoints', 'Too big'],
  ['loyaltyPoints 1.8e308', enrolment('1.8e308'), 'loyaltyProgramEnrollments[0].loyaltyPoints', 'out of range'],
  [
    'a programId past integer',
    JSON.stringify({ ...base(), loyaltyProgramEnrollments: [{ programId: 2 ** 31 }] }),
    'loyaltyProgramEnrollments[0].programId',
    'Too big',
  ],
  [
    'NUL in a name',
    JSON.stringify({ profiles: [{ ...base().profiles[0], lastName: 'a\u0000' }] }),
    'profiles[0].lastName',
    'NUL',
  ],
  [
    'NUL in an identifier',
    JSON.stringify({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'externalId', value: 'x\u0000y' }] }] }),
    'profiles[0].identifiers[0].value',
    'NUL',
  ],
  [
    'NUL in a custom field',
    JSON.stringify({ profiles: [{ ...base().profiles[0], fields: { fax: '\u0000' } }] }),
    'profiles[0].fields.fax',
    'NUL',
  ],
  ['NUL in the status label', JSON.stringify({ ...base(), statusLabel: 'Gold\u0000' }), 'statusLabel', 'NUL'],
  [
    'a lone surrogate in a name',
    JSON.stringify({ profiles: [{ ...base().profiles[0], firstName: 'Ann\ud800' }] }),
    'profiles[0].firstName',
    'lone surrogate',
  ],
  [
    'a lone surrogate in an extended field key',
    JSON.stringify({ ...base(), extendedFields: { 'city\udc00': 'x' } }),
    'extendedFields',
    'a key must not contain a lone surrogate',
  ],
];

describe('hostile bodies at POST /v2/customers', () => {
  it.each(CASES)('%s: 400 naming the path, nothing written', async (_, rawBody, field, problem) => {
    for (const idempotencyKey of [undefined, `hostile-${uniqueMobile()}`]) {
      const before = await rowsOfDemo();
      const headers: Record<string, string> = { authorization: DEMO_TILL, 'content-type': 'application/json' };
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const res = await call<Failure>(POST, { rawBody, headers });
      expect(res.status).toBe(400);
      expect(res.body.createdId).toBeNull();
      expect(res.body.errors[0]).toMatchObject({ status: false, code: 400, field });
      expect(res.body.errors[0]?.message).toContain(problem);
      expect(await rowsOfDemo()).toBe(before);
    }
  });
});

describe('hostile query strings', () => {
  it('a NUL in a look-up value is a 400 naming the parameter', async () => {
    const res = await call<Failure>(lookup, {
      method: 'GET',
      path: '/v2/customers/lookup?identifierName=mobile&identifierValue=91%00',
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        status: false,
        code: 400,
        field: 'identifierValue',
        message: 'identifierValue: must not contain the NUL character (U+0000)',
      },
    ]);
  });
});
