// The examples of the published API (seed document "Add Customer") as the OpenAPI document shows them:
// its request bodies (lib/api/examples.ts, real emails in place of its placeholders) and its responses.
import { SEED_EXAMPLES, type SeedExampleName } from '@/lib/api/examples';

const SUMMARIES: Record<SeedExampleName, string> = {
  basicWithEnrollment: 'INSTORE customer enrolled in a program',
  mobileAppWithPoints: 'MOBILE_APP account with 75 points, at till bukl.till',
  lineAccount: 'LINE account (a multi-account source)',
  cardWithExtendedFields: 'INSTORE customer with a loyalty card and extended fields',
  externalIdOnly: 'Only an external id',
  withStatusLabel: 'With a status label (reuses card 12345678: 8006 after the card example)',
};

/** The seed's request examples (lib/api/examples.ts, shared with the tests), in its order. */
export const REGISTRATION_REQUEST_EXAMPLES = Object.fromEntries(
  (Object.keys(SEED_EXAMPLES) as SeedExampleName[]).map((name) => [
    name,
    { summary: SUMMARIES[name], value: SEED_EXAMPLES[name] },
  ]),
) as Record<SeedExampleName, { summary: string; value: unknown }>;

const noDefaultLabel = { status: false, code: 8107, message: 'Default customer status label not set' } as const;

/** The seed's response examples. */
export const REGISTRATION_RESPONSE_EXAMPLES = {
  created: { summary: 'Created', value: { createdId: 556844761, warnings: [noDefaultLabel], sideEffects: [] } },
  createdWithPoints: {
    summary: 'Created, with enrolment points',
    value: {
      createdId: 555594290,
      warnings: [noDefaultLabel],
      sideEffects: [{ entityType: 'USER', rawAwardedPoints: 75.0, awardedPoints: 75, type: 'points' }],
    },
  },
  createdWithCurrency: {
    summary: 'Created, with alternate currency',
    value: {
      createdId: 423799201,
      warnings: [],
      sideEffects: [
        {
          entityType: 'USER',
          rawAwardedValue: 110.0,
          alternateCurrencyIdentifier: 'rgpws7',
          alternateCurrencyName: 'ac1',
          awardedValue: 110,
          type: 'alternate_currency',
        },
      ],
    },
  },
  createdWithBenefits: {
    summary: 'Created in a supplementary program, with bonus points and a coupon',
    value: {
      createdId: 557669379,
      warnings: [{ message: 'supplementary program expiry is before membership expiry', code: 1302, status: false }],
      sideEffects: [
        { entityType: 'USER', rawAwardedPoints: 200, awardedPoints: 200, type: 'points' },
        {
          id: 1239575031,
          entityType: 'USER',
          couponType: 'PE',
          couponCode: 'JQI7S8P8',
          validTill: '2025-07-29T23:59:59Z',
          description: 'Welcome Offer - 10% flat discount',
          discountCode: 'NO_VALUE',
          trimmedCouponCode: 'JQI7S8P8',
          type: 'coupon',
        },
      ],
    },
  },
} as const;

export const DUPLICATE_EXAMPLE = {
  summary: 'An identifier already exists in the same source account',
  value: {
    createdId: null,
    warnings: [],
    errors: [{ status: false, code: 8006, message: 'Customer already exists with id 556844761 for same source' }],
  },
} as const;
