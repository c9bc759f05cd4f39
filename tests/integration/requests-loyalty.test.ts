// Loyalty in a merge and an erasure (api-contract §17): the victim's enrolments and points move to the
// survivor (the points of a program both are enrolled in added up, the survivor's tier kept), its side
// effects with them, and an unmerge gives them back; an erasure keeps the enrolments, points and side effects.
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loyaltyPrograms, loyaltyTiers, registrationBenefits } from '@/db/schema';
import { invalidateOrgConfig } from '@/lib/config/cache';
import type { CustomerView, HistoryEntry } from '@/lib/customers/views';
import { runDueErasure } from '@/lib/requests/erasure';
import type { RequestView } from '@/lib/requests/schemas';
import { getCustomer, getHistory, register } from './care-helpers';
import { uniqueMobile } from './helpers';
import {
  createRequest,
  decide,
  getRequest,
  mergeBody,
  preview,
  requestsOrg,
  setRequestSettings,
  unmerge,
} from './requests-helpers';

type Org = Awaited<ReturnType<typeof requestsOrg>>;
type Change = { path: string; before: unknown; after: unknown };

/** An org with a DEFAULT program (two tiers, a welcome coupon) and a SUPPLEMENTARY one. */
async function loyaltyOrg(): Promise<Org> {
  const org = await requestsOrg();
  const orgId = org.orgId;
  const db = await getDb();
  await db.insert(loyaltyPrograms).values([
    { orgId, id: 1, name: 'Club', type: 'DEFAULT' },
    { orgId, id: 2, name: 'Partners', type: 'SUPPLEMENTARY' },
  ]);
  await db.insert(loyaltyTiers).values([
    { orgId, programId: 1, number: 1, name: 'Blue' },
    { orgId, programId: 1, number: 2, name: 'Gold' },
    { orgId, programId: 2, number: 1, name: 'Member' },
  ]);
  await db
    .insert(registrationBenefits)
    .values({ orgId, programId: 1, type: 'coupon', couponDescription: 'Welcome', couponValidDays: 30 });
  invalidateOrgConfig(orgId);
  return org;
}

async function enrolled(org: Org, source: string, enrolments: { programId: number; tier: number; points: number }[]) {
  return register(
    {
      profiles: [{ source, firstName: 'Lena', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
      loyaltyProgramEnrollments: enrolments.map((e) => ({
        programId: e.programId,
        tierNumber: e.tier,
        loyaltyPoints: e.points,
      })),
    },
    org.maker,
  );
}

/** The customer's enrolments as (program, tier, points), by program. */
function loyaltyOf(c: CustomerView) {
  return c.loyaltyProgramEnrollments
    .map((e) => ({ programId: e.programId, tierNumber: e.tierNumber, loyaltyPoints: e.loyaltyPoints }))
    .sort((a, b) => a.programId - b.programId);
}

const bySide = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

async function customer(org: Org, id: number): Promise<CustomerView> {
  const res = await getCustomer(id, org.maker);
  expect(res.status).toBe(200);
  return res.body;
}

describe('loyalty in a merge', () => {
  it('moves the enrolments and side effects to the survivor, adds up the points of a shared program; unmerge gives them back', async () => {
    const org = await loyaltyOrg();
    // Both in Club (the survivor at Gold); only the victim in Partners.
    const victimId = await enrolled(org, 'WEBSITE', [
      { programId: 1, tier: 1, points: 30 },
      { programId: 2, tier: 1, points: 5 },
    ]);
    const survivorId = await enrolled(org, 'INSTORE', [{ programId: 1, tier: 2, points: 20 }]);
    const victimBefore = await customer(org, victimId);
    const survivorBefore = await customer(org, survivorId);
    expect(loyaltyOf(victimBefore)).toEqual([
      { programId: 1, tierNumber: 1, loyaltyPoints: 30 },
      { programId: 2, tierNumber: 1, loyaltyPoints: 5 },
    ]);
    // Each has its enrolment points and the welcome coupon; the victim its Partners points too.
    expect(victimBefore.sideEffects.map((s) => s.type).sort()).toEqual(['coupon', 'points', 'points']);
    expect(survivorBefore.sideEffects.map((s) => s.type).sort()).toEqual(['coupon', 'points']);

    // A pending request's preview says what moves: the points added up, the Partners enrolment.
    const requested = await createRequest(org.maker, mergeBody(victimId, survivorId));
    expect(requested.body.status).toBe('PENDING');
    const pending = await getRequest(org.checker, requested.body.createdId);
    const loyaltyChanges = (changes: Change[]) => changes.filter((c) => c.path.startsWith('loyalty.'));
    const expectedChanges = [
      { path: 'loyalty.1.points', before: 20, after: 50 },
      { path: 'loyalty.2', before: null, after: { points: 5 } },
    ];
    expect(loyaltyChanges(pending.body.preview!.changes).sort(bySide)).toEqual(expectedChanges);
    expect(pending.body.preview!.blockers).toEqual([]);

    const approved = await decide(org.checker, requested.body.createdId, 'APPROVED');
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('COMPLETED');

    const survivorAfter = await customer(org, survivorId);
    expect(loyaltyOf(survivorAfter)).toEqual([
      { programId: 1, tierNumber: 2, loyaltyPoints: 50 },
      { programId: 2, tierNumber: 1, loyaltyPoints: 5 },
    ]);
    expect(survivorAfter.sideEffects.sort(bySide)).toEqual(
      [...survivorBefore.sideEffects, ...victimBefore.sideEffects].sort(bySide),
    );
    // The victim's id answers the survivor, with all of it.
    const viaVictim = await customer(org, victimId);
    expect(viaVictim.id).toBe(survivorId);
    expect(loyaltyOf(viaVictim)).toEqual(loyaltyOf(survivorAfter));
    // The survivor's history records the loyalty moved, as the preview said.
    const entries = (await getHistory<{ entries: HistoryEntry[] }>(survivorId, org.maker, '?limit=50')).body.entries;
    const merged = entries.find((e) => e.action === 'customer.merged')!;
    expect(loyaltyChanges(merged.changes).sort(bySide)).toEqual(expectedChanges);

    // Undone: each has its own enrolments, points and side effects again.
    const undone = await unmerge<RequestView>(org.checker, requested.body.createdId);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const victimBack = await customer(org, victimId);
    const survivorBack = await customer(org, survivorId);
    expect(victimBack.id).toBe(victimId);
    expect(loyaltyOf(victimBack)).toEqual(loyaltyOf(victimBefore));
    expect(loyaltyOf(survivorBack)).toEqual(loyaltyOf(survivorBefore));
    expect(victimBack.sideEffects.sort(bySide)).toEqual(victimBefore.sideEffects.sort(bySide));
    expect(survivorBack.sideEffects.sort(bySide)).toEqual(survivorBefore.sideEffects.sort(bySide));
  });

  it('the merge preview endpoint says the same of two customers not yet requested', async () => {
    const org = await loyaltyOrg();
    const victimId = await enrolled(org, 'WEBSITE', [{ programId: 2, tier: 1, points: 7.5 }]);
    const survivorId = await enrolled(org, 'INSTORE', [{ programId: 2, tier: 1, points: 2.25 }]);
    const res = await preview<{ changes: Change[]; historyEntries: number; blockers: unknown[] }>(
      org.maker,
      victimId,
      survivorId,
    );
    expect(res.status).toBe(200);
    expect(res.body.blockers).toEqual([]);
    expect(res.body.changes.filter((c) => c.path.startsWith('loyalty.'))).toEqual([
      { path: 'loyalty.2.points', before: 2.25, after: 9.75 },
    ]);
    const victimHistory = (await getHistory<{ entries: HistoryEntry[] }>(victimId, org.maker, '?limit=50')).body;
    expect(res.body.historyEntries).toBe(victimHistory.entries.length);
    // Only a preview: nothing moved.
    expect(loyaltyOf(await customer(org, victimId))).toEqual([{ programId: 2, tierNumber: 1, loyaltyPoints: 7.5 }]);
  });
});

describe('loyalty in an erasure', () => {
  it('keeps the enrolments, points and side effects of a customer whose personal data is deleted', async () => {
    const org = await loyaltyOrg();
    await setRequestSettings(org.orgId, { days: 0 });
    const id = await enrolled(org, 'INSTORE', [
      { programId: 1, tier: 2, points: 40 },
      { programId: 2, tier: 1, points: 3 },
    ]);
    const before = await customer(org, id);
    const created = await createRequest(org.maker, { type: 'CUSTOMER', baseType: 'DELETE', customerId: id });
    expect((await decide(org.checker, created.body.createdId, 'APPROVED')).body.status).toBe('APPROVED');
    const db = await getDb();
    while (await runDueErasure(db));
    expect((await getRequest(org.maker, created.body.createdId)).body.status).toBe('COMPLETED');

    const after = await customer(org, id);
    expect(after.status).toBe('DELETED');
    expect(after.profiles.map((p) => [p.firstName, p.identifiers])).toEqual([['', []]]);
    expect(loyaltyOf(after)).toEqual([
      { programId: 1, tierNumber: 2, loyaltyPoints: 40 },
      { programId: 2, tierNumber: 1, loyaltyPoints: 3 },
    ]);
    expect(after.sideEffects.sort(bySide)).toEqual(before.sideEffects.sort(bySide));
  });
});
