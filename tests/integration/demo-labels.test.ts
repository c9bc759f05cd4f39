// The demo's custom fields carry the labels a person would write (docs/demo-data.md); seeding again
// gives them to a database seeded before, and keeps a label an admin has set.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { customFields, orgs } from '@/db/schema';
import { seedDatabase } from '@/lib/startup';
import { withFreshDatabase } from './fresh-database';

it('labels the demo custom fields, fills in old raw-name labels, and keeps an admin label', async () => {
  await withFreshDatabase(async (db) => {
    const [demo] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'demo'));
    const field = (name: string) => and(eq(customFields.orgId, demo!.id), eq(customFields.name, name));
    const labels = async () =>
      Object.fromEntries(
        (
          await db
            .select({ name: customFields.name, label: customFields.label })
            .from(customFields)
            .where(eq(customFields.orgId, demo!.id))
        ).map((r) => [r.name, r.label]),
      );
    expect(await labels()).toMatchObject({
      employee: 'Employee',
      dateofbirth: 'Date of birth',
      kanjifirstname: 'Kanji first name',
    });
    await db.update(customFields).set({ label: 'dateofbirth' }).where(field('dateofbirth'));
    await db.update(customFields).set({ label: 'Staff member' }).where(field('employee'));
    await seedDatabase(db, { demo: true });
    expect(await labels()).toMatchObject({ employee: 'Staff member', dateofbirth: 'Date of birth' });
  });
});
