import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, numeric, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { PROGRAM_TYPES, type BenefitType, type ProgramType } from '@/lib/vocabulary';
import { isOneOf } from './one-of';
import { orgs } from './orgs';

export const loyaltyPrograms = pgTable(
  'loyalty_programs',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: integer('id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<ProgramType>().notNull(),
    /** Points given to the referrer when a referred customer registers (DEFAULT program only). */
    referralBonusPoints: numeric('referral_bonus_points', { precision: 18, scale: 3, mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check('loyalty_programs_type_check', isOneOf(t.type, PROGRAM_TYPES)),
  ],
);

export const loyaltyTiers = pgTable(
  'loyalty_tiers',
  {
    orgId: integer('org_id').notNull(),
    programId: integer('program_id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.programId, t.number] }),
    foreignKey({
      columns: [t.orgId, t.programId],
      foreignColumns: [loyaltyPrograms.orgId, loyaltyPrograms.id],
    }).onDelete('cascade'),
    check('loyalty_tiers_number_check', sql`${t.number} >= 1`),
  ],
);

/** What enrolling in a program gives at registration. */
export const registrationBenefits = pgTable(
  'registration_benefits',
  {
    orgId: integer('org_id').notNull(),
    id: serial('id').notNull(),
    programId: integer('program_id').notNull(),
    type: text('type').$type<BenefitType>().notNull(),
    /** points: the points; alternate_currency: the amount. */
    amount: numeric('amount', { precision: 18, scale: 3, mode: 'number' }),
    currencyIdentifier: text('currency_identifier'),
    currencyName: text('currency_name'),
    couponDescription: text('coupon_description'),
    couponType: text('coupon_type'),
    couponValidDays: integer('coupon_valid_days'),
    discountCode: text('discount_code'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.programId],
      foreignColumns: [loyaltyPrograms.orgId, loyaltyPrograms.id],
    }).onDelete('cascade'),
    check(
      'registration_benefits_type_check',
      sql`
      (${t.type} = 'points' and ${t.amount} > 0) or
      (${t.type} = 'alternate_currency' and ${t.amount} > 0 and ${t.currencyIdentifier} is not null and ${t.currencyName} is not null) or
      (${t.type} = 'coupon' and ${t.couponDescription} is not null and ${t.couponValidDays} > 0)`,
    ),
  ],
);
