// Validates a registration against the org's configuration and gives its normal form (docs/api.md:
// request body, validation and normalisation, Registration Configuration, extended fields, loyalty
// side effects). Every problem is reported, in request order; warnings travel with the result.
import type { CustomFieldDef, ExtendedFieldDef, OrgConfig } from '@/lib/config/types';
import { errorItem, warningItem, type ApiMessage, type ErrorCode, type WarningCode } from '@/lib/errors';
import { isAbsent, parseFieldValue, parseIsoWithOffset } from './field-values';
import { MAX_VALUE_LENGTH, normaliseIdentifierValue } from './identifier-values';
import type { ParsedRegistrationRequest } from './request-schema';
import type {
  NormalisedChannel,
  NormalisedEnrollment,
  NormalisedIdentifier,
  NormalisedProfile,
  NormalisedRegistration,
} from './types';
import {
  CARD_TYPES,
  MANDATORY_IDENTIFIER_CODES,
  canonicalChannelType,
  canonicalIdentifierType,
  canonicalSource,
  isMultiAccountSource,
  type ChannelType,
  type IdentifierType,
} from '@/lib/vocabulary';

export type Path = (string | number)[];
export type Report = (code: ErrorCode, message: string, path: Path) => void;
type Profile = ParsedRegistrationRequest['profiles'][number];
export type IdentifierItem = NonNullable<Profile['identifiers']>[number];
type Params = Record<string, string | number>;

export const NAME_LIMIT = 100;
/** The warning for an invalid secondary identifier that is dropped: the form shows it as an error. */
export function droppedIdentifierWarning(type: IdentifierType): WarningCode {
  return type === 'email' ? 8055 : type === 'mobile' ? 8056 : type === 'externalId' ? 8064 : 8122;
}
/** The warning for an invalid channel that is dropped; other channel types are dropped silently. */
export function droppedChannelWarning(type: ChannelType): WarningCode | null {
  return type === 'mobile' ? 8058 : type === 'email' ? 8057 : null;
}

/** One validation pass: collects warnings, reports errors with their JSON path, remembers failure. */
export class Walk {
  failed = false;
  readonly warnings: ApiMessage[] = [];
  constructor(
    readonly config: OrgConfig,
    private readonly report: Report,
  ) {}

  error(code: ErrorCode, params: Params | undefined, path: Path): void {
    this.failed = true;
    this.report(code, errorItem(code, params).message, path);
  }

  warn(code: WarningCode, params?: Params): void {
    this.warnings.push(warningItem(code, params));
  }
}

export function normaliseRegistration(
  req: ParsedRegistrationRequest,
  config: OrgConfig,
  report: Report,
): NormalisedRegistration | null {
  const w = new Walk(config, report);
  const seenAccounts = new Set<string>();
  const profiles = req.profiles.map((p, i) => normaliseProfile(w, p, ['profiles', i], seenAccounts));

  const extendedFields = normaliseExtendedFields(w, req.extendedFields ?? {}, config.extendedFields.customer, [
    'extendedFields',
  ]);
  const statusLabel = normaliseStatusLabel(w, req.statusLabel);
  const loyaltyType = req.loyaltyInfo?.loyaltyType ?? 'loyalty';
  let enrollments = normaliseEnrollments(w, req.loyaltyProgramEnrollments ?? []);
  if (loyaltyType === 'non_loyalty' && enrollments.length) {
    w.warn(8124);
    enrollments = [];
  }
  const referralCode = req.referralCode?.trim() || null;
  const associatedTill = normaliseTill(w, req.associatedWith);

  if (w.failed) return null;
  return {
    profiles: profiles.filter((p): p is NormalisedProfile => p !== null),
    extendedFields,
    statusLabel,
    loyaltyType,
    enrollments,
    referralCode,
    associatedTill,
    hasCustomerLevelDetails:
      Object.keys(extendedFields).length > 0 ||
      Boolean(req.statusLabel?.trim()) ||
      enrollments.length > 0 ||
      referralCode !== null,
    warnings: w.warnings,
  };
}

function normaliseProfile(w: Walk, p: Profile, path: Path, seenAccounts: Set<string>): NormalisedProfile | null {
  const { config } = w;
  const rawSource = p.source?.trim();
  const source = rawSource ? canonicalSource(rawSource) : undefined;
  let accountId = '';
  if (!rawSource) w.error(8004, undefined, [...path, 'source']);
  else if (!source || !config.sources.some((s) => s.source === source)) w.error(3217, undefined, [...path, 'source']);
  else if (isMultiAccountSource(source)) {
    accountId = p.accountId === null || p.accountId === undefined ? '' : String(p.accountId).trim();
    const accounts = config.sources.find((s) => s.source === source)?.accounts ?? [];
    if (!accounts.some((a) => a.accountId === accountId)) w.error(8127, undefined, [...path, 'accountId']);
  }
  if (source) {
    const key = `${source}\u0000${accountId}`;
    if (seenAccounts.has(key)) w.error(8127, undefined, [...path, 'source']);
    seenAccounts.add(key);
  }

  const identifiers = normaliseIdentifiers(w, p.identifiers ?? [], [...path, 'identifiers']);
  const channels = normaliseChannels(w, p.commChannels ?? [], [...path, 'commChannels']);
  const fields = normaliseCustomFields(w, p.fields ?? {}, [...path, 'fields']);
  const firstName = normaliseName(w, p.firstName, 'firstName');
  const lastName = normaliseName(w, p.lastName, 'lastName');
  if (!source) return null;
  return { source, accountId, firstName, lastName, identifiers, channels, fields };
}

export function normaliseName(w: Walk, raw: string | null | undefined, field: string): string | null {
  // Control characters go; any printable character of any script stays.
  const clean = raw?.replace(/\p{Cc}/gu, '').trim();
  if (!clean) return null;
  const chars = [...clean];
  if (chars.length <= NAME_LIMIT) return clean;
  w.warn(8119, { field, n: NAME_LIMIT });
  return chars.slice(0, NAME_LIMIT).join('');
}

function normaliseIdentifiers(w: Walk, list: NonNullable<Profile['identifiers']>, path: Path): NormalisedIdentifier[] {
  const { config } = w;
  const out: NormalisedIdentifier[] = [];
  const seen = new Set<string>();
  let rejected = false;
  list.forEach((item, i) => {
    const at = [...path, i];
    const type = identifierTypeOf(w, item.type, [...at, 'type']);
    if (!type) {
      rejected = true;
      return;
    }
    const raw = String(item.value);
    const value = normaliseIdentifierValue(type, raw, config);
    if (value === null) {
      if (type === config.primaryIdentifier) {
        rejected = true;
        w.error(8014, { value: raw.slice(0, MAX_VALUE_LENGTH) }, [...at, 'value']);
      } else w.warn(droppedIdentifierWarning(type), { type });
      return;
    }
    const card = cardPartsOf(w, item, type, at);
    const key = `${type}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      type,
      value,
      unique: config.uniqueIdentifierTypes.includes(type),
      position: out.length,
      requestIndex: i,
      ...card,
    });
  });
  // No valid identifiers, unless an error above (an invalid primary id, an unknown type) explains it.
  if (out.length === 0 && !rejected) w.error(8005, undefined, path);
  for (const [type, code] of Object.entries(MANDATORY_IDENTIFIER_CODES)) {
    if (config.mandatoryIdentifierTypes.includes(type as IdentifierType) && !out.some((x) => x.type === type)) {
      w.error(code, undefined, path);
    }
  }
  return out;
}

/** The canonical identifier type, or null (reported 8121) when it does not exist or the org does not allow it. */
export function identifierTypeOf(w: Walk, raw: string, path: Path): IdentifierType | null {
  const type = canonicalIdentifierType(raw);
  if (type && w.config.allowedIdentifierTypes.includes(type)) return type;
  w.error(8121, { type: raw }, path);
  return null;
}

/** A card identifier's series (8114 when unknown), status label and card-level extended fields. */
export function cardPartsOf(
  w: Walk,
  item: Pick<IdentifierItem, 'seriesId' | 'statusLabel' | 'extendedFields'>,
  type: IdentifierType,
  at: Path,
): Pick<NormalisedIdentifier, 'seriesId' | 'statusLabel' | 'extendedFields'> {
  if (!CARD_TYPES.includes(type)) return { seriesId: null, statusLabel: null, extendedFields: null };
  let seriesId: number | null = null;
  let extendedFields: Record<string, unknown> | null = null;
  if (item.seriesId !== undefined) {
    seriesId = Number(item.seriesId);
    if (!w.config.cardSeries.some((s) => s.id === seriesId)) w.error(8114, { seriesId }, [...at, 'seriesId']);
  }
  if (item.extendedFields) {
    extendedFields = normaliseExtendedFields(w, item.extendedFields, w.config.extendedFields.card, [
      ...at,
      'extendedFields',
    ]);
  }
  return { seriesId, statusLabel: item.statusLabel?.trim() || null, extendedFields };
}

function toBool(raw: boolean | string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  return typeof raw === 'boolean' ? raw : raw.toLowerCase() === 'true';
}

export function normaliseChannels(
  w: Walk,
  list: NonNullable<Profile['commChannels']>,
  path: Path,
): NormalisedChannel[] {
  const out: NormalisedChannel[] = [];
  // One primary channel per type per source account (8151); the database holds it too.
  const primaryTypes = new Set<string>();
  list.forEach((item, i) => {
    const type = canonicalChannelType(item.type);
    if (!type) {
      w.error(8010, undefined, [...path, i, 'type']);
      return;
    }
    const value = normaliseIdentifierValue(type, String(item.value), w.config);
    if (value === null) {
      const warning = droppedChannelWarning(type);
      if (warning !== null) w.warn(warning);
      return;
    }
    const { residence, office, ...rest } = item.meta ?? {};
    const meta: Record<string, unknown> = { ...rest };
    if (residence !== undefined) meta.residence = toBool(residence, false);
    if (office !== undefined) meta.office = toBool(office, false);
    const primary = toBool(item.primary, false);
    if (primary && primaryTypes.has(type)) {
      w.error(8151, { type }, [...path, i, 'primary']);
      return;
    }
    if (primary) primaryTypes.add(type);
    out.push({
      type,
      value,
      position: out.length,
      primary,
      verified: toBool(item.verified, false),
      subscribed: item.subscribed === undefined ? null : toBool(item.subscribed, false),
      meta,
    });
  });
  return out;
}

/** The codes of one family of typed fields: custom fields, or extended fields. */
export interface FieldCodes {
  unknown: WarningCode;
  invalid: ErrorCode;
  missing: ErrorCode;
}
export const CUSTOM_FIELD_CODES: FieldCodes = { unknown: 8116, invalid: 8111, missing: 8112 };
export const EXTENDED_FIELD_CODES: FieldCodes = { unknown: 8117, invalid: 91015, missing: 91016 };

function normaliseCustomFields(w: Walk, fields: Record<string, unknown>, path: Path): Record<string, unknown> {
  return normaliseTypedFields(w, fields, w.config.customFields, CUSTOM_FIELD_CODES, path);
}

function normaliseExtendedFields(
  w: Walk,
  fields: Record<string, unknown>,
  defs: ExtendedFieldDef[],
  path: Path,
): Record<string, unknown> {
  return normaliseTypedFields(w, fields, defs, EXTENDED_FIELD_CODES, path);
}

/** Every mandatory field present: a registration's fields must all be there. */
function normaliseTypedFields(
  w: Walk,
  fields: Record<string, unknown>,
  defs: (CustomFieldDef | ExtendedFieldDef)[],
  codes: FieldCodes,
  path: Path,
): Record<string, unknown> {
  const { values } = parseTypedFields(w, fields, defs, codes, path);
  for (const def of defs) {
    if (def.mandatory && !(def.name in values) && !hasInvalid(fields, def.name))
      w.error(codes.missing, { name: def.name }, [...path, def.name]);
  }
  return values;
}

/**
 * Known names (case-insensitive) keep the defined spelling and a typed value; unknown ones are warned
 * about and ignored; "" and null are absent, listed in `cleared` (an update clears those keys).
 */
export function parseTypedFields(
  w: Walk,
  fields: Record<string, unknown>,
  defs: (CustomFieldDef | ExtendedFieldDef)[],
  codes: FieldCodes,
  path: Path,
): { values: Record<string, unknown>; cleared: string[] } {
  const values: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const [name, raw] of Object.entries(fields)) {
    const def = defs.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!def) {
      w.warn(codes.unknown, { name });
      continue;
    }
    if (isAbsent(raw)) {
      cleared.push(def.name);
      continue;
    }
    const parsed = parseFieldValue(def.dataType, def.enumValues, raw);
    if (parsed.ok) values[def.name] = parsed.value;
    else w.error(codes.invalid, { name: def.name }, [...path, name]);
  }
  return { values, cleared };
}

/** A present but invalid value was already reported; don't also call it missing. */
function hasInvalid(fields: Record<string, unknown>, name: string): boolean {
  return Object.entries(fields).some(([k, v]) => k.toLowerCase() === name.toLowerCase() && !isAbsent(v));
}

export function normaliseStatusLabel(w: Walk, raw: string | null | undefined) {
  const name = raw?.trim();
  if (!name) return null;
  const label = w.config.statusLabels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!label) w.error(8086, undefined, ['statusLabel']);
  return label ?? null;
}

function normaliseEnrollments(
  w: Walk,
  list: NonNullable<ParsedRegistrationRequest['loyaltyProgramEnrollments']>,
): NormalisedEnrollment[] {
  const out: NormalisedEnrollment[] = [];
  list.forEach((e, i) => {
    const path = ['loyaltyProgramEnrollments', i];
    const tierNumber = e.tierNumber ?? 1;
    const program = w.config.programs.find((p) => p.id === e.programId);
    if (
      !program ||
      !program.tiers.some((t) => t.number === tierNumber) ||
      out.some((x) => x.program.id === e.programId)
    ) {
      w.error(8113, { programId: e.programId, tierNumber }, [...path, 'programId']);
      return;
    }
    const date = (field: 'tierExpiryDate' | 'pointsExpiryDate'): Date | null => {
      const text = e[field]?.trim();
      if (!text) return null;
      const parsed = parseIsoWithOffset(text);
      if (!parsed) w.error(8115, { field }, [...path, field]);
      return parsed;
    };
    const tierExpiryDate = date('tierExpiryDate');
    const pointsExpiryDate = date('pointsExpiryDate');
    if (program.type === 'SUPPLEMENTARY' && tierExpiryDate && pointsExpiryDate && tierExpiryDate < pointsExpiryDate) {
      w.warn(1302);
    }
    out.push({ program, tierNumber, points: e.loyaltyPoints ?? 0, tierExpiryDate, pointsExpiryDate });
  });
  return out;
}

function normaliseTill(w: Walk, raw: string | null | undefined) {
  const code = raw?.trim();
  if (!code) return null;
  const till = w.config.tills.find((t) => t.code.toLowerCase() === code.toLowerCase());
  if (!till) w.warn(8077, { code });
  return till ? { id: till.id, code: till.code } : null;
}
