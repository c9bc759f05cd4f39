// The Registration Configuration as admins edit it: one document, one schema. It is the settings
// form's resolver in the browser and the gate of saveOrgConfig on the server, so both judge alike.
// Input and output have the same shape (trims only), so a parsed document parses again unchanged.
import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';
import {
  BENEFIT_TYPES,
  CUSTOM_FIELD_TYPES,
  CUSTOMER_STATUSES,
  IDENTIFIER_TYPES,
  MANDATORY_IDENTIFIER_TYPES,
  PROGRAM_TYPES,
  SOURCES,
} from '@/lib/vocabulary';
import { checkSettingsRules } from './settings-rules';

const INT_MAX = 2_147_483_647;

const text = (max: number, missing: string) => z.string().trim().min(1, missing).max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(min, `At least ${min}`)
    .max(max, `At most ${max}`);
const amount = z.number({ error: 'Enter a number' }).positive('Must be more than 0').max(1e12, 'Too large');

export const SourceSettingsSchema = z.object({
  source: z.enum(SOURCES),
  enabled: z.boolean(),
  accounts: z.array(
    z.object({
      accountId: text(255, 'Enter the account id'),
      name: optionalText(100),
    }),
  ),
});

export const CustomFieldSettingsSchema = z.object({
  name: text(64, 'Enter a name').regex(/^[a-z0-9_]+$/, 'Use lowercase letters, digits and _ only'),
  label: text(100, 'Enter a label'),
  dataType: z.enum(CUSTOM_FIELD_TYPES),
  /** Kept while the admin switches types; only ENUM fields store them. */
  enumValues: z.array(text(100, 'Empty value')),
  mandatory: z.boolean(),
});

export const BenefitSettingsSchema = z.object({
  type: z.enum(BENEFIT_TYPES),
  /** Points, or the alternate currency's amount. */
  amount: amount.nullable(),
  currencyIdentifier: optionalText(100),
  currencyName: optionalText(100),
  couponDescription: optionalText(255),
  couponType: optionalText(20),
  couponValidDays: wholeNumber(1, 3650).nullable(),
  discountCode: optionalText(100),
});

export const ProgramSettingsSchema = z.object({
  id: wholeNumber(1, INT_MAX),
  name: text(100, 'Enter a name'),
  type: z.enum(PROGRAM_TYPES),
  referralBonusPoints: z.number({ error: 'Enter a number' }).min(0, 'At least 0').max(1e12, 'Too large').nullable(),
  tiers: z
    .array(z.object({ number: wholeNumber(1, 1000), name: text(100, 'Enter a name') }))
    .min(1, 'A program needs at least one tier'),
  benefits: z.array(BenefitSettingsSchema),
});

/** The document's shape without the rules across fields: also what reads stored documents back (history). */
export const SettingsShape = z.object({
  primaryIdentifier: z.enum(IDENTIFIER_TYPES),
  allowedIdentifierTypes: z.array(z.enum(IDENTIFIER_TYPES)).min(1, 'Allow at least one identifier type'),
  mandatoryIdentifierTypes: z.array(z.enum(MANDATORY_IDENTIFIER_TYPES)),
  /** The org's choice; mobile, externalId and cardnumber are unique whatever it says. */
  uniqueIdentifierTypes: z.array(z.enum(IDENTIFIER_TYPES)),
  mobile: z.object({
    minLength: wholeNumber(1, 20),
    maxLength: wholeNumber(1, 20),
    strict: z.boolean(),
    /** ISO 3166 alpha-2, or '' for none. */
    defaultCountry: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        (c) => c === '' || (/^[A-Z]{2}$/.test(c) && isSupportedCountry(c)),
        'Enter a two-letter country code, e.g. IN',
      ),
  }),
  sources: z.array(SourceSettingsSchema),
  customFields: z.array(CustomFieldSettingsSchema),
  /** Extended fields the org's verticals enable (platform data): only `mandatory` is the org's. */
  extendedFields: z.array(z.object({ id: z.number().int(), mandatory: z.boolean() })),
  /** id: the stored label's (null for a new one), so customers keep their label through a rename. */
  statusLabels: z.array(
    z.object({
      id: z.number().int().positive().nullable(),
      name: text(100, 'Enter a name'),
      status: z.enum(CUSTOMER_STATUSES),
    }),
  ),
  /** A label's name, or '' for none (new customers then get warning 8107). */
  defaultStatusLabel: z.string().trim(),
  cardSeries: z.array(z.object({ id: wholeNumber(1, INT_MAX), name: text(100, 'Enter a name') })),
  /** id: the stored till's (null for a new one). A stored till's code never changes: API clients sign in with it. */
  tills: z.array(
    z.object({
      id: z.number().int().positive().nullable(),
      code: text(64, 'Enter a code').regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, . _ and - only'),
      name: text(100, 'Enter a name'),
    }),
  ),
  programs: z.array(ProgramSettingsSchema),
  /** Requests per minute; null = the region's default. */
  rateLimitOverride: wholeNumber(1, 1_000_000).nullable(),
});

export type SettingsInput = z.infer<typeof SettingsShape>;
export const SettingsSchema = SettingsShape.superRefine(checkSettingsRules);
export type SourceSettings = z.infer<typeof SourceSettingsSchema>;
export type CustomFieldSettings = z.infer<typeof CustomFieldSettingsSchema>;
export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;
export type BenefitSettings = z.infer<typeof BenefitSettingsSchema>;
