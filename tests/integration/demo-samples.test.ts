// The demo org's sample customers (docs/demo-data.md): a few hundred, in several scripts and sources,
// registered through the engine of POST /v2/customers (history, search words), the same on every
// database, and not seeded twice. A newcomer's first search finds someone.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { execRows } from '@/db/client';
import { orgs } from '@/db/schema';
import { seedDatabase } from '@/lib/startup';
import { SAMPLE_COUNT, sampleCustomers } from '@/lib/startup/sample-customers';
import { searchCustomers } from '@/lib/customers/search';
import { withFreshDatabase } from './fresh-database';

it('is deterministic: the same bodies every time, unique mobiles and emails, several scripts and sources', () => {
  const a = sampleCustomers();
  expect(a).toEqual(sampleCustomers());
  expect(a).toHaveLength(SAMPLE_COUNT);
  const values = (type: string) =>
    a.flatMap((b) =>
      b.profiles.flatMap((p) => (p.identifiers ?? []).filter((i) => i.type === type).map((i) => i.value)),
    );
  expect(new Set(values('mobile')).size).toBe(SAMPLE_COUNT);
  expect(new Set(values('email')).size).toBe(values('email').length);
  const names = a.map((b) => `${b.profiles[0]?.firstName} ${b.profiles[0]?.lastName}`).join(' ');
  for (const script of [
    /\p{Script=Latin}/u,
    /\p{Script=Devanagari}/u,
    /\p{Script=Tamil}/u,
    /\p{Script=Han}/u,
    /\p{Script=Arabic}/u,
    /\p{Script=Hangul}/u,
  ])
    expect(names).toMatch(script);
  expect(new Set(a.map((b) => b.profiles[0]?.source)).size).toBeGreaterThanOrEqual(4);
});

it('registers them in org demo with history and search words, once however often the seed runs', async () => {
  await withFreshDatabase(
    async (db) => {
      const [demo] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'demo'));
      const counts = async () =>
        (
          await execRows<{ customers: number; history: number; other: number }>(
            db,
            sql`select (select count(*)::int from customers where org_id = ${demo!.id}) as customers,
                     (select count(*)::int from customer_history where org_id = ${demo!.id}) as history,
                     (select count(*)::int from customers where org_id <> ${demo!.id}) as other`,
          )
        )[0];
      expect(await counts()).toEqual({ customers: SAMPLE_COUNT, history: SAMPLE_COUNT, other: 0 });
      await seedDatabase(db, { demo: true });
      expect(await counts()).toEqual({ customers: SAMPLE_COUNT, history: SAMPLE_COUNT, other: 0 });

      const first = sampleCustomers()[0]!.profiles[0]!;
      const mobile = String(first.identifiers?.[0]?.value);
      const found = await searchCustomers(db, demo!.id, { q: first.lastName!, limit: 50 });
      expect(found.map((c) => c.lastName)).toContain(first.lastName);
      const byMobile = await searchCustomers(db, demo!.id, { q: mobile, limit: 20 });
      expect(byMobile.map((c) => `${c.firstName} ${c.lastName}`)).toEqual([`${first.firstName} ${first.lastName}`]);
    },
    { samples: true },
  );
});
