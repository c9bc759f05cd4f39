// The fixed lists the settings editor offers. db/schema has the same lists as values, but the
// editor's schema runs in the browser, which must not pull in drizzle; the type checks below keep
// the two spellings identical (a value added on one side and not the other fails to compile).
import type { BenefitType, CustomFieldType, CustomerStatus, ProgramType } from '@/db/schema';
import type { MandatoryIdentifierType } from '@/lib/customers/vocabulary';

/** Accepts a tuple only if it names every member of T. */
const everyOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> }),
  ) =>
    values;

export const CUSTOM_FIELD_TYPES = everyOf<CustomFieldType>()([
  'STRING',
  'INTEGER',
  'DOUBLE',
  'BOOLEAN',
  'DATE',
  'ENUM',
]);

export const CUSTOMER_STATUSES = everyOf<CustomerStatus>()([
  'ACTIVE',
  'SUSPENDED',
  'DELETED',
  'FRAUD_SUSPECTED',
  'FRAUD_CONFIRMED',
  'INTERNAL',
  'PENDING_DELETION',
]);

export const STATUS_NAMES: Record<CustomerStatus, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  DELETED: 'Deleted',
  FRAUD_SUSPECTED: 'Fraud suspected',
  FRAUD_CONFIRMED: 'Fraud confirmed',
  INTERNAL: 'Internal',
  PENDING_DELETION: 'Pending deletion',
};

export const PROGRAM_TYPES = everyOf<ProgramType>()(['DEFAULT', 'SUPPLEMENTARY']);

export const BENEFIT_TYPES = everyOf<BenefitType>()(['points', 'alternate_currency', 'coupon']);

export const BENEFIT_NAMES: Record<BenefitType, string> = {
  points: 'Bonus points',
  alternate_currency: 'Alternate currency',
  coupon: 'Welcome coupon',
};

/** Only these identifier types can be made mandatory (each has its own error code). */
export const MANDATORY_IDENTIFIER_TYPES = everyOf<MandatoryIdentifierType>()(['mobile', 'email', 'externalId']);
