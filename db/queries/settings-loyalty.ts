// Writes of the editor's loyalty part: card series, programs, their tiers and registration benefits.
// Series and tiers are what customers' cards and enrolments point at: upserted in place, deleted
// one at a time so a row in use fails alone (23503) and can be named.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cardSeries, loyaltyPrograms, loyaltyTiers, registrationBenefits } from '@/db/schema';
import type { ProgramType } from '@/lib/vocabulary';

export async function deleteCardSeries(db: DbOrTx, orgId: number, id: number): Promise<void> {
  await db.delete(cardSeries).where(and(eq(cardSeries.orgId, orgId), eq(cardSeries.id, id)));
}

export async function upsertCardSeries(db: DbOrTx, orgId: number, rows: { id: number; name: string }[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(cardSeries)
    .values(rows.map((r) => ({ orgId, ...r })))
    .onConflictDoUpdate({ target: [cardSeries.orgId, cardSeries.id], set: { name: sql`excluded.name` } });
}

/** Its tiers and benefits go with it (cascade); enrolments in it make this fail with 23503. */
export async function deleteProgram(db: DbOrTx, orgId: number, id: number): Promise<void> {
  await db.delete(loyaltyPrograms).where(and(eq(loyaltyPrograms.orgId, orgId), eq(loyaltyPrograms.id, id)));
}

export async function upsertProgram(
  db: DbOrTx,
  orgId: number,
  p: { id: number; name: string; type: ProgramType; referralBonusPoints: number | null },
): Promise<void> {
  const set = { name: p.name, type: p.type, referralBonusPoints: p.referralBonusPoints };
  await db
    .insert(loyaltyPrograms)
    .values({ orgId, id: p.id, ...set })
    .onConflictDoUpdate({ target: [loyaltyPrograms.orgId, loyaltyPrograms.id], set });
}

export async function deleteTier(db: DbOrTx, orgId: number, programId: number, number: number): Promise<void> {
  await db
    .delete(loyaltyTiers)
    .where(and(eq(loyaltyTiers.orgId, orgId), eq(loyaltyTiers.programId, programId), eq(loyaltyTiers.number, number)));
}

export async function upsertTiers(
  db: DbOrTx,
  orgId: number,
  programId: number,
  tiers: { number: number; name: string }[],
): Promise<void> {
  if (!tiers.length) return;
  await db
    .insert(loyaltyTiers)
    .values(tiers.map((t) => ({ orgId, programId, ...t })))
    .onConflictDoUpdate({
      target: [loyaltyTiers.orgId, loyaltyTiers.programId, loyaltyTiers.number],
      set: { name: sql`excluded.name` },
    });
}

export type BenefitRow = Omit<typeof registrationBenefits.$inferInsert, 'orgId' | 'id' | 'programId'>;

/** Side effects copy what they give, so past registrations do not need the benefit rows. */
export async function replaceBenefits(
  db: DbOrTx,
  orgId: number,
  programId: number,
  benefits: BenefitRow[],
): Promise<void> {
  await db
    .delete(registrationBenefits)
    .where(and(eq(registrationBenefits.orgId, orgId), eq(registrationBenefits.programId, programId)));
  if (benefits.length) await db.insert(registrationBenefits).values(benefits.map((b) => ({ orgId, programId, ...b })));
}
