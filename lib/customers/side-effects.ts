// Loyalty side effects of a registration (contract §11): planned here, stored by the registration's
// transaction, and answered in the API's shapes.
import type { OrgConfig } from '@/lib/config/types';
import type { RegistrationWrite } from '@/db/queries/registration';
import { newCouponCode } from './codes';
import type { NormalisedEnrollment } from './types';

export type PlannedSideEffect = RegistrationWrite['sideEffects'][number];

/** Coupons are valid to the end of the day, UTC, `days` from now. */
function validTill(now: Date, days: number): string {
  const end = new Date(now.getTime() + days * 86_400_000);
  end.setUTCHours(23, 59, 59, 0);
  return end.toISOString().replace('.000Z', 'Z');
}

const blank = {
  program_id: null, is_referrer: false, beneficiary: null, raw_value: null, currency_identifier: null, currency_name: null,
  coupon_code: null, coupon_type: null, valid_till: null, description: null, discount_code: null,
};

export function planSideEffects(
  enrollments: NormalisedEnrollment[], referrerId: number | null, config: OrgConfig, now = new Date(),
): PlannedSideEffect[] {
  const out: PlannedSideEffect[] = [];
  const add = (e: Omit<PlannedSideEffect, 'position'>) => out.push({ ...e, position: out.length });
  for (const { program, points } of enrollments) {
    if (points > 0) add({ ...blank, type: 'points', program_id: program.id, raw_value: points });
    for (const b of program.benefits) {
      if (b.type === 'points') add({ ...blank, type: 'points', program_id: program.id, raw_value: b.amount });
      else if (b.type === 'alternate_currency') {
        add({ ...blank, type: 'alternate_currency', program_id: program.id, raw_value: b.amount, currency_identifier: b.currencyIdentifier, currency_name: b.currencyName });
      } else {
        add({
          ...blank, type: 'coupon', program_id: program.id, coupon_code: newCouponCode(), coupon_type: b.couponType,
          valid_till: validTill(now, b.validDays), description: b.description, discount_code: b.discountCode,
        });
      }
    }
  }
  const bonus = config.programs.find((p) => p.type === 'DEFAULT')?.referralBonusPoints;
  if (referrerId !== null && bonus) {
    add({ ...blank, type: 'points', program_id: config.programs.find((p) => p.type === 'DEFAULT')!.id, is_referrer: true, beneficiary: referrerId, raw_value: bonus });
  }
  return out;
}

/** A stored or planned side effect in the API's shape. */
export function sideEffectView(e: PlannedSideEffect, id: number | undefined, beneficiaryId: number | null): Record<string, unknown> {
  const raw = e.raw_value ?? 0;
  switch (e.type) {
    case 'points':
      return {
        entityType: 'USER', rawAwardedPoints: raw, awardedPoints: Math.floor(raw), type: 'points',
        ...(e.is_referrer ? { isReferrer: true, customerId: beneficiaryId } : {}),
      };
    case 'alternate_currency':
      return {
        entityType: 'USER', rawAwardedValue: raw, alternateCurrencyIdentifier: e.currency_identifier,
        alternateCurrencyName: e.currency_name, awardedValue: Math.floor(raw), type: 'alternate_currency',
      };
    default:
      return {
        id, entityType: 'USER', couponType: e.coupon_type, couponCode: e.coupon_code, validTill: e.valid_till,
        description: e.description, discountCode: e.discount_code, trimmedCouponCode: e.coupon_code?.trim(), type: 'coupon',
      };
  }
}
