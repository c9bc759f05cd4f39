import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  BENEFIT_TYPES,
  CUSTOMER_LIFECYCLES,
  LOYALTY_TYPES,
  type ActorType,
  type CustomerLifecycle,
  type LoyaltyType,
  type SideEffectType,
} from '@/lib/vocabulary';
import { isOneOf } from './one-of';
import { orgs, tills } from './orgs';
import { cardSeries, statusLabels } from './config';
import { loyaltyTiers } from './loyalty';

export const customers = pgTable(
  'customers',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity({ startWith: 100000001 }),
    statusLabelId: integer('status_label_id'),
    loyaltyType: text('loyalty_type').$type<LoyaltyType>().notNull().default('loyalty'),
    extendedFields: jsonb('extended_fields').$type<Record<string, unknown>>().notNull().default({}),
    referralCode: text('referral_code').notNull(),
    registeredTillId: integer('registered_till_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByType: text('created_by_type').$type<ActorType>().notNull(),
    createdByCode: text('created_by_code').notNull(),
    /** Bumped by every change of the customer (docs/api.md, "Versions"): the ETag of GET /v2/customers/{id}. */
    version: integer('version').notNull().default(1),
    /** ACTIVE; MERGED into `mergedInto`; PENDING_DELETION; DELETED (personal data erased). */
    lifecycle: text('lifecycle').$type<CustomerLifecycle>().notNull().default('ACTIVE'),
    mergedInto: bigint('merged_into', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mergedInto], foreignColumns: [t.orgId, t.id] }),
    check('customers_lifecycle_check', isOneOf(t.lifecycle, CUSTOMER_LIFECYCLES)),
    check('customers_merged_into_check', sql`(${t.lifecycle} = 'MERGED') = (${t.mergedInto} is not null)`),
    // org_id last in this key (and in source_accounts'): while a table has no statistics (new, or
    // autovacuum off), the planner rates any index led by org_id as good as the primary key for the
    // foreign-key checks `org_id = $1 and id = $2`, and a check planned then on the wrong one
    // walks the whole org for the life of the connection. Equality lookups use every column anyway.
    uniqueIndex('customers_org_referral_code_key').on(t.referralCode, t.orgId),
    foreignKey({ columns: [t.orgId, t.statusLabelId], foreignColumns: [statusLabels.orgId, statusLabels.id] }),
    foreignKey({ columns: [t.orgId, t.registeredTillId], foreignColumns: [tills.orgId, tills.id] }),
    check('customers_loyalty_type_check', isOneOf(t.loyaltyType, LOYALTY_TYPES)),
  ],
);

/** One per (customer, source, account): the "profiles" of the API. */
export const sourceAccounts = pgTable(
  'source_accounts',
  {
    orgId: integer('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    /** '' for single-account sources. */
    accountId: text('account_id').notNull().default(''),
    firstName: text('first_name'),
    lastName: text('last_name'),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByType: text('created_by_type').$type<ActorType>().notNull(),
    createdByCode: text('created_by_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('source_accounts_customer_source_key').on(t.customerId, t.source, t.accountId, t.orgId),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
  ],
);

export const identifiers = pgTable(
  'identifiers',
  {
    orgId: integer('org_id').notNull(),
    sourceAccountId: bigint('source_account_id', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    seriesId: integer('series_id'),
    statusLabel: text('status_label'),
    extendedFields: jsonb('extended_fields').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.sourceAccountId, t.type, t.value] }),
    // text_pattern_ops: the search's identifier prefix (`value ~>=~ $1 and value ~<~ $2`) needs byte order, as
    // the database's collation is not C; equality (the look-up) uses it as well.
    index('identifiers_org_value_idx').on(t.orgId, t.value.op('text_pattern_ops')),
    foreignKey({ columns: [t.orgId, t.sourceAccountId], foreignColumns: [sourceAccounts.orgId, sourceAccounts.id] }),
    foreignKey({ columns: [t.orgId, t.seriesId], foreignColumns: [cardSeries.orgId, cardSeries.id] }),
  ],
);

/**
 * The identity invariant, held by the database: a unique identifier (of a type the org marks unique)
 * belongs to exactly one customer in the whole org, whatever the source. Registration inserts its keys;
 * a concurrent registration of the same value fails on this primary key and is retried.
 */
export const identityKeys = pgTable(
  'identity_keys',
  {
    orgId: integer('org_id').notNull(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.type, t.value] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
  ],
);

export const commChannels = pgTable(
  'comm_channels',
  {
    orgId: integer('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    sourceAccountId: bigint('source_account_id', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    type: text('type').notNull(),
    value: text('value').notNull(),
    primary: boolean('is_primary').notNull().default(false),
    verified: boolean('verified').notNull().default(false),
    subscribed: boolean('subscribed'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('comm_channels_source_account_idx').on(t.orgId, t.sourceAccountId),
    // One primary channel per type per source account (docs/api.md, 8151): the exclusion constraint
    // comm_channels_one_primary of migration 0011 (deferred, so a statement that replaces a list holds).
    foreignKey({ columns: [t.orgId, t.sourceAccountId], foreignColumns: [sourceAccounts.orgId, sourceAccounts.id] }),
  ],
);

export const loyaltyEnrollments = pgTable(
  'loyalty_enrollments',
  {
    orgId: integer('org_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    programId: integer('program_id').notNull(),
    tierNumber: integer('tier_number').notNull(),
    points: numeric('points', { precision: 18, scale: 3, mode: 'number' }).notNull().default(0),
    tierExpiryDate: timestamp('tier_expiry_date', { withTimezone: true }),
    pointsExpiryDate: timestamp('points_expiry_date', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.programId] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({
      columns: [t.orgId, t.programId, t.tierNumber],
      foreignColumns: [loyaltyTiers.orgId, loyaltyTiers.programId, loyaltyTiers.number],
    }),
    check('loyalty_enrollments_points_check', sql`${t.points} >= 0`),
  ],
);

/**
 * What a registration issued: points, alternate currency, coupons. `customerId` is the registration
 * that caused it; `beneficiaryCustomerId` who receives it (the referrer for a referral bonus).
 */
export const sideEffects = pgTable(
  'side_effects',
  {
    orgId: integer('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity({ startWith: 1000000001 }),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    beneficiaryCustomerId: bigint('beneficiary_customer_id', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    programId: integer('program_id'),
    type: text('type').$type<SideEffectType>().notNull(),
    isReferrer: boolean('is_referrer').notNull().default(false),
    rawValue: numeric('raw_value', { precision: 18, scale: 3, mode: 'number' }),
    currencyIdentifier: text('currency_identifier'),
    currencyName: text('currency_name'),
    couponCode: text('coupon_code'),
    couponType: text('coupon_type'),
    validTill: timestamp('valid_till', { withTimezone: true }),
    description: text('description'),
    discountCode: text('discount_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('side_effects_customer_idx').on(t.orgId, t.customerId),
    index('side_effects_beneficiary_idx').on(t.orgId, t.beneficiaryCustomerId),
    uniqueIndex('side_effects_coupon_code_key')
      .on(t.orgId, t.couponCode)
      .where(sql`${t.couponCode} is not null`),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.beneficiaryCustomerId], foreignColumns: [customers.orgId, customers.id] }),
    check('side_effects_type_check', isOneOf(t.type, BENEFIT_TYPES)),
  ],
);

/**
 * The words of a customer's names (every source account's), folded for search (lib/customers/search-text.ts:
 * NFKD, diacritics stripped, lower-cased). One row per distinct word: a word prefix is a range of the
 * (org_id, word) index, so "pri sha" finds Priya Sharma without reading the table.
 */
export const customerSearchWords = pgTable(
  'customer_search_words',
  {
    orgId: integer('org_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.word] }),
    index('customer_search_words_word_idx').on(t.orgId, t.word.op('text_pattern_ops'), t.customerId),
    // Names one typo away by their last letters (db/queries/search.ts, similarNamesSql): word and
    // customer_id in the key make it an index-only scan, as the first index is for their first letters.
    index('customer_search_words_reverse_idx').on(
      t.orgId,
      sql`reverse(${t.word}) text_pattern_ops`,
      t.word,
      t.customerId,
    ),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
  ],
);
