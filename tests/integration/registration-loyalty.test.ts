// Loyalty side effects of a registration (docs/api.md#loyalty-side-effects), stored in the registration's transaction.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { customers, loyaltyEnrollments, sideEffects } from '@/db/schema';
import { call, DEMO_TILL, uniqueMobile } from './helpers';

type Reply = { createdId: number; warnings: { code: number }[]; sideEffects: Record<string, unknown>[] };
const register = (body: unknown) => call<Reply>(POST, { body, headers: { authorization: DEMO_TILL } });
const person = (top: Record<string, unknown> = {}) => ({
  profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
  statusLabel: 'active-1',
  ...top,
});

describe('loyalty side effects', () => {
  it("gives Demo Club's registration benefits: points, a coupon, alternate currency", async () => {
    const res = await register(
      person({
        loyaltyProgramEnrollments: [
          {
            programId: 470,
            tierNumber: 1,
            loyaltyPoints: 12.5,
            tierExpiryDate: '2030-01-01T00:00:00Z',
            pointsExpiryDate: '2029-01-01T00:00:00+05:30',
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    const [enrolPoints, bonus, coupon, currency] = res.body.sideEffects;
    expect(enrolPoints).toEqual({ entityType: 'USER', rawAwardedPoints: 12.5, awardedPoints: 12, type: 'points' });
    expect(bonus).toEqual({ entityType: 'USER', rawAwardedPoints: 200, awardedPoints: 200, type: 'points' });
    expect(coupon).toMatchObject({
      entityType: 'USER',
      type: 'coupon',
      couponType: 'PE',
      description: 'Welcome Offer - 10% flat discount',
      discountCode: 'NO_VALUE',
      couponCode: expect.stringMatching(/^[0-9A-Z]{10}$/),
      validTill: expect.stringMatching(/T23:59:59Z$/),
      id: expect.any(Number),
    });
    expect(coupon?.trimmedCouponCode).toBe(coupon?.couponCode);
    expect(currency).toEqual({
      entityType: 'USER',
      rawAwardedValue: 110,
      awardedValue: 110,
      alternateCurrencyIdentifier: 'rgpws7',
      alternateCurrencyName: 'ac1',
      type: 'alternate_currency',
    });
    const db = await getDb();
    const stored = await db.select().from(sideEffects).where(eq(sideEffects.customerId, res.body.createdId));
    expect(stored.find((s) => s.type === 'coupon')?.couponCode).toBe(coupon?.couponCode);
    const [enrolment] = await db
      .select()
      .from(loyaltyEnrollments)
      .where(eq(loyaltyEnrollments.customerId, res.body.createdId));
    expect(enrolment).toMatchObject({ programId: 470, tierNumber: 1, points: 12.5 });
  });

  it('gives the referrer the DEFAULT program referral bonus', async () => {
    const referrer = await register(person());
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.id, referrer.body.createdId));
    const res = await register(person({ referralCode: row!.referralCode.toLowerCase() }));
    expect(res.body.sideEffects).toEqual([
      {
        entityType: 'USER',
        rawAwardedPoints: 100,
        awardedPoints: 100,
        type: 'points',
        isReferrer: true,
        customerId: referrer.body.createdId,
      },
    ]);
    const [bonus] = await db.select().from(sideEffects).where(eq(sideEffects.customerId, res.body.createdId));
    expect(bonus).toMatchObject({ beneficiaryCustomerId: referrer.body.createdId, isReferrer: true });
  });

  it('gives a non-loyalty customer no enrolment and no side effects', async () => {
    const res = await register(
      person({ loyaltyInfo: { loyaltyType: 'non_loyalty' }, loyaltyProgramEnrollments: [{ programId: 470 }] }),
    );
    expect(res.body.sideEffects).toEqual([]);
    const db = await getDb();
    expect(
      await db.select().from(loyaltyEnrollments).where(eq(loyaltyEnrollments.customerId, res.body.createdId)),
    ).toEqual([]);
  });
});
