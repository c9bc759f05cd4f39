// Hostile bodies at the writes after registration (docs/api.md, "Hostile input"): PUT /v2/customers/{id}
// and POST /v2/customers/{id}/changeIdentifier, mutated as the registration's are (hostile-bodies.ts).
// Never a 500, always the envelope, nothing written on a refusal. 2,000 bodies per route on
// PostgreSQL, 500 on PGlite (the registration's own property carries the 10,000).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { POST as changeIdentifier } from '@/app/v2/customers/[id]/changeIdentifier/route';
import { PUT as updateCustomer } from '@/app/v2/customers/[id]/route';
import { POST as register } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { ErrorResponseSchema } from '@/lib/api/schemas';
import { formatPath } from '@/lib/customers/issues';
import { isolateDatabaseForThisFile } from './fresh-database';
import { call, DEMO_TILL, uniqueMobile } from './helpers';
import { hostileBody, type Generated } from './hostile-bodies';

isolateDatabaseForThisFile();

const RUNS = Number(process.env.HOSTILE_CARE_RUNS ?? (process.env.DATABASE_URL ? 2_000 : 500));
const SEED = Number(process.env.HOSTILE_SEED ?? 20261203);

const UPDATES = [
  {
    profiles: [
      {
        firstName: 'Tom',
        lastName: 'Sawyer',
        commChannels: [{ type: 'email', value: 'tom@example.com', primary: true, verified: true, meta: {} }],
        fields: { customer_address: 'abc123', fax: '' },
      },
    ],
    extendedFields: { city: 'Bangalore', gender: 'Male' },
    statusLabel: 'Gold Member',
    statusReason: 'upgraded',
  },
  { loyaltyInfo: { loyaltyType: 'loyalty' }, extendedFields: { zip: '123456' } },
];
const CHANGES = [
  {
    add: [
      { type: 'email', value: 'x' },
      {
        type: 'cardnumber',
        value: 'x',
        seriesId: 73,
        statusLabel: 'ACTIVE',
        extendedFields: { custom_card_name: 'M' },
      },
    ],
  },
  { add: [{ type: 'externalId', value: 'x' }], remove: [{ type: 'email', value: 'nobody@example.com' }] },
];

let customerId = 0;
beforeAll(async () => {
  const db = await getDb();
  // The demo org's 600 requests a minute would answer most of the run 429; this database is the file's own.
  await execRows(db, sql`update orgs set rate_limit_override = 1000000 where code = 'demo'`);
  const res = await call<{ createdId: number }>(register, {
    body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
    headers: { authorization: DEMO_TILL },
  });
  customerId = res.body.createdId;
});

/** What a write to the customer changes: its version, its history, its identifiers and keys. */
async function customerRows(): Promise<number[]> {
  const [row] = await execRows<Record<string, string | number>>(
    await getDb(),
    sql`select
      (select version from customers where id = ${customerId}) as version,
      (select count(*) from customer_history where customer_id = ${customerId}) as history,
      (select count(*) from identifiers where customer_id = ${customerId}) as identifiers,
      (select count(*) from identity_keys where customer_id = ${customerId}) as keys`,
  );
  return Object.values(row!).map(Number);
}

const ROUTES = [
  { name: 'PUT /v2/customers/{id}', handler: updateCustomer, method: 'PUT', path: '', examples: UPDATES },
  {
    name: 'POST /v2/customers/{id}/changeIdentifier',
    handler: changeIdentifier,
    method: 'POST',
    path: '/changeIdentifier',
    examples: CHANGES,
  },
] as const;

describe.each(ROUTES)(`hostile bodies at $name (fast-check seed ${SEED}, ${RUNS} bodies)`, (route) => {
  it('answer the envelope, never 500, write nothing when refused, and name the path of what the edge refuses', async () => {
    const seen = new Map<number, number>();
    let last: number[] | undefined;
    await fc.assert(
      fc.asyncProperty(hostileBody(route.examples), async (g: Generated) => {
        const before = last ?? (await customerRows());
        const res = await call<Record<string, unknown>>(route.handler, {
          method: route.method,
          path: `/v2/customers/${customerId}${route.path}`,
          params: { id: String(customerId) },
          rawBody: g.text,
          headers: { authorization: DEMO_TILL, 'content-type': 'application/json' },
        });
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        const after = await customerRows();
        last = after;
        expect(res.status, g.text.slice(0, 300)).toBeLessThan(500);
        if (g.tooBig) expect(res.status).toBe(413);
        if (res.status === 200) expect(after[0]).toBeGreaterThanOrEqual(before[0]!);
        else {
          ErrorResponseSchema.parse(res.body);
          expect(after).toEqual(before);
        }
        const byEdge = g.refusedAt.filter((r) => r.by === 'edge');
        if (byEdge.length > 0) {
          expect(res.status, g.text.slice(0, 300)).toBe(400);
          const fields = (res.body.errors as { field?: string }[]).map((e) => e.field ?? '');
          expect(byEdge.some((r) => fields.some((f) => f.startsWith(formatPath(r.path))))).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(`hostile input, ${route.name}: statuses ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
  }, 900_000);
});
