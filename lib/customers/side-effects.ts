// Loyalty side effects of a registration (docs/api.md#loyalty-side-effects): planned here, stored by the registration's
// transaction, and answered in the API's shapes.
import type { OrgConfig } from '@/lib/config/types';
import { newCouponCode } from './codes';
import type { NormalisedEnrollment, PlannedSideEffect } from './types';
import type { SideEffectItem } from './views';

/** Coupons are valid to the end of the day, UTC, `days` from now. */
function validTill(now: Date, days: number): Date {
  const end = new Date(now.getTime() + days * 86_400_000);
  end.setUTCHours(23, 59, 59, 0);
  return end;
}

const blank = {
  programId: null,
  isReferrer: false,
  beneficiaryCustomerId: null,
  rawValue: null,
  currencyIdentifier: null,
  currencyName: null,
  couponCode: null,
  couponType: null,
  validTill: null,
  description: null,
  discountCode: null,
};

export function planSideEffects(
  enrollments: NormalisedEnrollment[],
  referrerId: number | null,
  config: OrgConfig,
  now = new Date(),
): PlannedSideEffect[] {
  const out: PlannedSideEffect[] = [];
  const add = (e: Omit<PlannedSideEffect, 'position'>) => out.push({ ...e, position: out.length });
  for (const { program, points } of enrollments) {
    if (points > 0) add({ ...blank, type: 'points', programId: program.id, rawValue: points });
    for (const b of program.benefits) {
      if (b.type === 'points') add({ ...blank, type: 'points', programId: program.id, rawValue: b.amount });
      else if (b.type === 'alternate_currency') {
        add({
          ...blank,
          type: 'alternate_currency',
          programId: program.id,
          rawValue: b.amount,
          currencyIdentifier: b.currencyIdentifier,
          currencyName: b.currencyName,
        });
      } else {
        add({
          ...blank,
          type: 'coupon',
          programId: program.id,
          couponCode: newCouponCode(),
          couponType: b.couponType,
          validTill: validTill(now, b.validDays),
          description: b.description,
          discountCode: b.discountCode,
        });
      }
    }
  }
  const main = config.programs.find((p) => p.type === 'DEFAULT');
  if (referrerId !== null && main?.referralBonusPoints) {
    add({
      ...blank,
      type: 'points',
      programId: main.id,
      isReferrer: true,
      beneficiaryCustomerId: referrerId,
      rawValue: main.referralBonusPoints,
    });
  }
  return out;
}

/** ISO 8601 in UTC, without the zero milliseconds (as Capillary writes dates: 2025-07-29T23:59:59Z). */
export function isoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * A side effect as the API shows it: the same item in the POST response (a planned one, once written)
 * and in the customer view (a stored row).
 */
export function toSideEffectItem(
  effect: PlannedSideEffect & { id: number; beneficiaryCustomerId: number },
): SideEffectItem {
  const raw = effect.rawValue ?? 0;
  if (effect.type === 'coupon') {
    const code = effect.couponCode ?? '';
    return {
      id: effect.id,
      entityType: 'USER',
      couponType: effect.couponType ?? 'PE',
      couponCode: code,
      validTill: effect.validTill ? isoUtc(effect.validTill) : '',
      description: effect.description ?? '',
      discountCode: effect.discountCode ?? 'NO_VALUE',
      trimmedCouponCode: code.trim(),
      type: 'coupon',
    };
  }
  if (effect.type === 'alternate_currency') {
    return {
      entityType: 'USER',
      rawAwardedValue: raw,
      awardedValue: Math.floor(raw),
      alternateCurrencyIdentifier: effect.currencyIdentifier ?? '',
      alternateCurrencyName: effect.currencyName ?? '',
      type: 'alternate_currency',
    };
  }
  const points = {
    entityType: 'USER' as const,
    rawAwardedPoints: raw,
    awardedPoints: Math.floor(raw),
    type: 'points' as const,
  };
  return effect.isReferrer ? { ...points, isReferrer: true, customerId: effect.beneficiaryCustomerId } : points;
}
