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
  isMultiAccountSource,
  MANDATORY_IDENTIFIER_TYPES,
  PROGRAM_TYPES,
  SOURCES,
} from '@/lib/vocabulary';

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

/** A time zone the runtime knows by its IANA name. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
  /** Shown at the counter; the rest sit under "More details". */
  atCounter: z.boolean(),
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
  /** IANA time zone (Asia/Kolkata), or '' for each browser's own. */
  timeZone: z
    .string()
    .trim()
    .max(64, 'At most 64 characters')
    .refine((zone) => zone === '' || isTimeZone(zone), 'Enter a time zone such as Asia/Kolkata, or leave empty'),
  sources: z.array(SourceSettingsSchema),
  customFields: z.array(CustomFieldSettingsSchema),
  /** Extended fields the org's verticals enable (platform data): only `mandatory` is the org's. */
  extendedFields: z.array(
    z.object({
      id: z.number().int(),
      mandatory: z.boolean(),
      /** The org's label, or '' for the catalogue's. */
      label: optionalText(100),
      atCounter: z.boolean(),
    }),
  ),
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
  /** Requests (docs/api.md, "Requests"): which are approved on creation, and the wait before an erasure. */
  requests: z.object({
    autoApprove: z.object({ MERGE: z.boolean(), DELETE: z.boolean() }),
    piiDeleteAfterDays: wholeNumber(0, 90),
  }),
});

/** What a document saved before the requests' settings existed held: the defaults. */
export const DEFAULT_REQUEST_SETTINGS: SettingsInput['requests'] = {
  autoApprove: { MERGE: false, DELETE: false },
  piiDeleteAfterDays: 30,
};

export type SettingsInput = z.infer<typeof SettingsShape>;
export const SettingsSchema = SettingsShape.superRefine(checkSettingsRules);
export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;
export type BenefitSettings = z.infer<typeof BenefitSettingsSchema>;

// Cross-field rules of the settings document: what no single field can tell. Each problem names the
// path of the control to fix, so the form shows it in place and the server returns it the same way.

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Indices of the items whose key an earlier item already had. */
export function repeatedIndices<T>(items: readonly T[], key: (item: T) => string | number | null): number[] {
  const seen = new Set<string | number>();
  const out: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (k === null) return;
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}

const lower = (s: string) => s.toLowerCase();

function checkIdentifiers(s: SettingsInput, report: Report) {
  if (!s.allowedIdentifierTypes.includes(s.primaryIdentifier)) {
    report(['primaryIdentifier'], 'The primary identifier must be one of the allowed types');
  }
  const notAllowed = s.mandatoryIdentifierTypes.filter((t) => !s.allowedIdentifierTypes.includes(t));
  if (notAllowed.length) report(['mandatoryIdentifierTypes'], `Mandatory but not allowed: ${notAllowed.join(', ')}`);
  if (s.mobile.maxLength < s.mobile.minLength) report(['mobile', 'maxLength'], 'Must be at least the minimum length');
}

function checkSources(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.sources, (x) => x.source)) report(['sources', i, 'source'], 'Listed twice');
  if (!s.sources.some((x) => x.enabled)) report(['sources'], 'Enable at least one source');
  s.sources.forEach((x, i) => {
    if (!isMultiAccountSource(x.source)) {
      if (x.accounts.length) report(['sources', i, 'accounts'], `${x.source} has no accounts`);
      return;
    }
    if (x.enabled && x.accounts.length === 0)
      report(['sources', i, 'accounts'], `Add at least one ${x.source} account, or disable ${x.source}`);
    for (const j of repeatedIndices(x.accounts, (a) => a.accountId))
      report(['sources', i, 'accounts', j, 'accountId'], 'This account id is listed twice');
  });
}

function checkFields(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.customFields, (f) => f.name))
    report(['customFields', i, 'name'], 'Another custom field has this name');
  s.customFields.forEach((f, i) => {
    if (f.dataType !== 'ENUM') return;
    if (f.enumValues.length === 0) report(['customFields', i, 'enumValues'], 'An ENUM field needs at least one value');
    else if (repeatedIndices(f.enumValues, lower).length) report(['customFields', i, 'enumValues'], 'Each value once');
  });
  for (const i of repeatedIndices(s.extendedFields, (f) => f.id)) report(['extendedFields', i, 'id'], 'Listed twice');
}

function checkLabels(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.statusLabels, (l) => lower(l.name)))
    report(['statusLabels', i, 'name'], 'Another status label has this name');
  if (repeatedIndices(s.statusLabels, (l) => l.id).length) report(['statusLabels'], 'A stored label is listed twice');
  if (s.defaultStatusLabel && !s.statusLabels.some((l) => lower(l.name) === lower(s.defaultStatusLabel))) {
    report(['defaultStatusLabel'], 'Choose one of the status labels above, or none');
  }
  for (const i of repeatedIndices(s.cardSeries, (c) => c.id))
    report(['cardSeries', i, 'id'], 'Another card series has this id');
  for (const i of repeatedIndices(s.cardSeries, (c) => lower(c.name)))
    report(['cardSeries', i, 'name'], 'Another card series has this name');
  for (const i of repeatedIndices(s.tills, (t) => t.code)) report(['tills', i, 'code'], 'Another till has this code');
  if (repeatedIndices(s.tills, (t) => t.id).length) report(['tills'], 'A stored till is listed twice');
}

function checkBenefit(b: BenefitSettings, path: Path, report: Report) {
  if (b.type !== 'coupon' && b.amount === null) report([...path, 'amount'], 'Enter an amount');
  if (b.type === 'alternate_currency') {
    if (!b.currencyIdentifier) report([...path, 'currencyIdentifier'], 'Enter the currency identifier');
    if (!b.currencyName) report([...path, 'currencyName'], 'Enter the currency name');
  }
  if (b.type === 'coupon') {
    if (!b.couponDescription) report([...path, 'couponDescription'], 'Enter a description');
    if (b.couponValidDays === null) report([...path, 'couponValidDays'], 'Enter how many days the coupon is valid');
  }
}

function checkPrograms(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.programs, (p) => p.id))
    report(['programs', i, 'id'], 'Another program has this id');
  for (const i of repeatedIndices(s.programs, (p) => lower(p.name)))
    report(['programs', i, 'name'], 'Another program has this name');
  // The engine reads the referral bonus from the one DEFAULT program.
  for (const i of repeatedIndices(s.programs, (p) => (p.type === 'DEFAULT' ? 'DEFAULT' : null))) {
    report(['programs', i, 'type'], 'Only one program can be the DEFAULT program');
  }
  s.programs.forEach((p, i) => {
    if (p.type !== 'DEFAULT' && p.referralBonusPoints !== null) {
      report(['programs', i, 'referralBonusPoints'], 'Only the DEFAULT program gives a referral bonus');
    }
    for (const j of repeatedIndices(p.tiers, (t) => t.number))
      report(['programs', i, 'tiers', j, 'number'], 'Another tier has this number');
    for (const j of repeatedIndices(p.tiers, (t) => lower(t.name)))
      report(['programs', i, 'tiers', j, 'name'], 'Another tier has this name');
    p.benefits.forEach((b, j) => checkBenefit(b, ['programs', i, 'benefits', j], report));
  });
}

export function checkSettingsRules(s: SettingsInput, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkIdentifiers(s, report);
  checkSources(s, report);
  checkFields(s, report);
  checkLabels(s, report);
  checkPrograms(s, report);
}
