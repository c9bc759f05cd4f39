// Loyalty side effects of a registration (contract §11): planned here, stored by the registration's
// transaction, and answered in the API's shapes.
import type { OrgConfig } from '@/lib/config/types';
import type { RegistrationWrite } from '@/db/queries/registration';
import type { sideEffects } from '@/db/schema';
import type { SideEffect } from '@/lib/api/schemas';
import { newCouponCode } from './codes';
import type { NormalisedEnrollment } from './types';

export type PlannedSideEffect = RegistrationWrite['sideEffects'][number];

/** Coupons are valid to the end of the day, UTC, `days` from now. */
function validTill(now: Date, days: number): string {
  const end = new Date(now.getTime() + days * 86_400_000);
  end.setUTCHours(23, 59, 59, 0);
  return isoUtc(end);
}

const blank = {
  program_id: null,
  is_referrer: false,
  beneficiary: null,
  raw_value: null,
  currency_identifier: null,
  currency_name: null,
  coupon_code: null,
  coupon_type: null,
  valid_till: null,
  description: null,
  discount_code: null,
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
    if (points > 0) add({ ...blank, type: 'points', program_id: program.id, raw_value: points });
    for (const b of program.benefits) {
      if (b.type === 'points') add({ ...blank, type: 'points', program_id: program.id, raw_value: b.amount });
      else if (b.type === 'alternate_currency') {
        add({
          ...blank,
          type: 'alternate_currency',
          program_id: program.id,
          raw_value: b.amount,
          currency_identifier: b.currencyIdentifier,
          currency_name: b.currencyName,
        });
      } else {
        add({
          ...blank,
          type: 'coupon',
          program_id: program.id,
          coupon_code: newCouponCode(),
          coupon_type: b.couponType,
          valid_till: validTill(now, b.validDays),
          description: b.description,
          discount_code: b.discountCode,
        });
      }
    }
  }
  const main = config.programs.find((p) => p.type === 'DEFAULT');
  if (referrerId !== null && main?.referralBonusPoints) {
    add({
      ...blank,
      type: 'points',
      program_id: main.id,
      is_referrer: true,
      beneficiary: referrerId,
      raw_value: main.referralBonusPoints,
    });
  }
  return out;
}

/** ISO 8601 in UTC, without the zero milliseconds (as Capillary writes dates: 2025-07-29T23:59:59Z). */
export function isoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

type StoredSideEffect = Pick<
  typeof sideEffects.$inferSelect,
  | 'id'
  | 'type'
  | 'rawValue'
  | 'isReferrer'
  | 'beneficiaryCustomerId'
  | 'couponCode'
  | 'couponType'
  | 'validTill'
  | 'description'
  | 'discountCode'
  | 'currencyIdentifier'
  | 'currencyName'
>;

/** A side effect as the API shows it: the same item in the POST response and in the customer view. */
export function toSideEffectItem(row: StoredSideEffect): SideEffect {
  const raw = row.rawValue ?? 0;
  if (row.type === 'coupon') {
    const code = row.couponCode ?? '';
    return {
      id: row.id,
      entityType: 'USER',
      couponType: row.couponType ?? 'PE',
      couponCode: code,
      validTill: row.validTill ? isoUtc(row.validTill) : '',
      description: row.description ?? '',
      discountCode: row.discountCode ?? 'NO_VALUE',
      trimmedCouponCode: code.trim(),
      type: 'coupon',
    };
  }
  if (row.type === 'alternate_currency') {
    return {
      entityType: 'USER',
      rawAwardedValue: raw,
      awardedValue: Math.floor(raw),
      alternateCurrencyIdentifier: row.currencyIdentifier ?? '',
      alternateCurrencyName: row.currencyName ?? '',
      type: 'alternate_currency',
    };
  }
  const points = {
    entityType: 'USER' as const,
    rawAwardedPoints: raw,
    awardedPoints: Math.floor(raw),
    type: 'points' as const,
  };
  return row.isReferrer ? { ...points, isReferrer: true, customerId: row.beneficiaryCustomerId } : points;
}

/** A planned side effect once written: its id from the database, its beneficiary resolved. */
export function writtenSideEffect(e: PlannedSideEffect, id: number, customerId: number): StoredSideEffect {
  return {
    id,
    type: e.type as StoredSideEffect['type'],
    rawValue: e.raw_value,
    isReferrer: e.is_referrer,
    beneficiaryCustomerId: e.beneficiary ?? customerId,
    couponCode: e.coupon_code,
    couponType: e.coupon_type,
    validTill: e.valid_till ? new Date(e.valid_till) : null,
    description: e.description,
    discountCode: e.discount_code,
    currencyIdentifier: e.currency_identifier,
    currencyName: e.currency_name,
  };
}
