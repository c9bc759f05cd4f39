import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { loadOrgConfig } from '@/lib/config/load';
import { orgs } from '@/db/schema';
import { SEED_EXAMPLES, type SeedExampleName } from '@/lib/api/examples';
import { registerCustomer } from '@/lib/customers/register';
import { isolateDatabaseForThisFile, withFreshDatabase } from './fresh-database';
import { BUKL_TILL, call, DEMO_TILL } from './helpers';

type Success = {
  createdId: number;
  warnings: { status: boolean; code: number; message: string }[];
  sideEffects: Record<string, unknown>[];
};

// Other test files send these examples too: this file gets a database of its own.
isolateDatabaseForThisFile();

// The examples share identifiers (card 12345678), so they run in the document's order on one
// database: the last reuses Tom Sawyer's card in INSTORE and must be refused (docs/demo-data.md).
describe('the seed document request examples', () => {
  it('registers the INSTORE customer with an enrolment, warning that no default status label is set', async () => {
    const res = await call<Success>(POST, {
      body: SEED_EXAMPLES.basicWithEnrollment,
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
    expect(res.body.warnings).toEqual([
      { status: false, code: 8107, message: 'Default customer status label not set' },
    ]);
    expect(res.body.sideEffects).toEqual([]);
  });

  it('registers the MOBILE_APP customer and awards the 75 enrolment points', async () => {
    const res = await call<Success>(POST, {
      body: SEED_EXAMPLES.mobileAppWithPoints,
      headers: { authorization: BUKL_TILL },
    });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
    expect(res.body.warnings.map((w) => w.code)).toEqual([8107]);
    expect(res.body.sideEffects).toEqual([
      { entityType: 'USER', rawAwardedPoints: 75, awardedPoints: 75, type: 'points' },
    ]);
  });

  it('registers the LINE customer in its account', async () => {
    const res = await call<Success>(POST, { body: SEED_EXAMPLES.lineAccount, headers: { authorization: DEMO_TILL } });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
    expect(res.body.warnings.map((w) => w.code)).toEqual([8107]);
  });

  it('registers Tom Sawyer with a card and every kind of extended field', async () => {
    const res = await call<Success>(POST, {
      body: SEED_EXAMPLES.cardWithExtendedFields,
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
    expect(res.body.warnings.map((w) => w.code)).toEqual([8107]);
  });

  it('registers a customer known only by an external id', async () => {
    const res = await call<Success>(POST, {
      body: SEED_EXAMPLES.externalIdOnly,
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      createdId: expect.any(Number),
      warnings: [expect.objectContaining({ code: 8107 })],
      sideEffects: [],
    });
  });

  it("refuses the last example: its card is Tom Sawyer's in the same source", async () => {
    const tom = await call<Success>(POST, {
      body: { profiles: [{ identifiers: [{ type: 'email', value: 'tom.sawyer@example.com' }], source: 'INSTORE' }] },
      headers: { authorization: DEMO_TILL },
    });
    expect(tom.status).toBe(409);
    const tomId = Number(/with id (\d+)/.exec(JSON.stringify(tom.body))?.[1]);
    const res = await call(POST, { body: SEED_EXAMPLES.withStatusLabel, headers: { authorization: DEMO_TILL } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      createdId: null,
      warnings: [],
      errors: [
        {
          status: false,
          code: 8006,
          message: `Customer already exists with id ${tomId} for same source`,
          field: 'profiles[0].identifiers[2].value', // the card
        },
      ],
    });
  });
});

describe('each seed example on a fresh database', () => {
  it.each(Object.keys(SEED_EXAMPLES) as SeedExampleName[])('%s registers with a createdId', async (name) => {
    await withFreshDatabase(async (db) => {
      const [org] = await db.select().from(orgs).where(eq(orgs.code, 'demo'));
      const config = (await loadOrgConfig(db, org!.id))!;
      const till = config.tills.find((t) => t.code === 'demo.till')!;
      const result = await registerCustomer(db, {
        config,
        body: SEED_EXAMPLES[name],
        requestId: `fresh-${name}`,
        userContext: null,
        actor: {
          type: 'TILL',
          orgId: org!.id,
          clientId: 1,
          code: till.code,
          tillId: till.id,
          access: ['customers:write'],
        },
      });
      expect(result.createdId).toBeGreaterThan(0);
      // Only the example that names a status label escapes the seed's 8107.
      expect(result.warnings.map((w) => w.code)).toEqual(name === 'withStatusLabel' ? [] : [8107]);
    });
  });
});
