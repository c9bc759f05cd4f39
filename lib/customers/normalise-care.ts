// The org's rules on an update of a customer and on a change of identifiers (docs/api.md, "After
// registration"): the registration's own validators (lib/customers/normalise.ts), with the update's
// meaning of absent ("kept") and empty ("cleared").
import type { CustomFieldDef, ExtendedFieldDef, OrgConfig, StatusLabelDef } from '@/lib/config/types';
import type { ApiMessage } from '@/lib/errors';
import { MAX_VALUE_LENGTH, normaliseIdentifierValue } from './identifier-values';
import {
  CUSTOM_FIELD_CODES,
  EXTENDED_FIELD_CODES,
  Walk,
  cardPartsOf,
  identifierTypeOf,
  normaliseChannels,
  normaliseName,
  normaliseStatusLabel,
  parseTypedFields,
  type FieldCodes,
  type Path,
  type Report,
} from './normalise';
import type { ParsedCustomerUpdateRequest, ParsedIdentifierChangeRequest } from './care-request-schema';
import type { NormalisedChannel, NormalisedIdentifier } from './types';
import {
  MANDATORY_IDENTIFIER_CODES,
  canonicalIdentifierType,
  type IdentifierType,
  type LoyaltyType,
} from '@/lib/vocabulary';

/** Field values to set and names to clear, merged key by key into what is stored. */
export interface FieldPatch {
  set: Record<string, unknown>;
  clear: string[];
}

export interface NormalisedCustomerUpdate {
  /** The source account's part; null when the body has none (then ?source= is not looked at). */
  profile: {
    /** undefined: kept; null: cleared. */
    firstName?: string | null;
    lastName?: string | null;
    /** Given: replaces the account's list. */
    channels?: NormalisedChannel[];
    fields?: FieldPatch;
  } | null;
  extendedFields: FieldPatch | null;
  statusLabel: StatusLabelDef | null;
  statusReason: string | null;
  loyaltyType: LoyaltyType | null;
  warnings: ApiMessage[];
}

export function normaliseCustomerUpdate(
  req: ParsedCustomerUpdateRequest,
  config: OrgConfig,
  report: Report,
): NormalisedCustomerUpdate | null {
  const w = new Walk(config, report);
  const p = req.profiles?.[0];
  let profile: NormalisedCustomerUpdate['profile'] = null;
  if (p) {
    const path = ['profiles', 0];
    profile = {};
    if (p.firstName !== undefined) profile.firstName = normaliseName(w, p.firstName, 'firstName');
    if (p.lastName !== undefined) profile.lastName = normaliseName(w, p.lastName, 'lastName');
    if (p.commChannels) profile.channels = normaliseChannels(w, p.commChannels, [...path, 'commChannels']);
    if (p.fields)
      profile.fields = fieldPatch(w, p.fields, config.customFields, CUSTOM_FIELD_CODES, [...path, 'fields']);
    if (p.identifiers) w.warn(8126);
  }
  const extendedFields = req.extendedFields
    ? fieldPatch(w, req.extendedFields, config.extendedFields.customer, EXTENDED_FIELD_CODES, ['extendedFields'])
    : null;
  const statusLabel = normaliseStatusLabel(w, req.statusLabel);
  if (w.failed) return null;
  return {
    profile,
    extendedFields,
    statusLabel,
    statusReason: req.statusReason?.trim() || null,
    loyaltyType: req.loyaltyInfo?.loyaltyType ?? null,
    warnings: w.warnings,
  };
}

/** The registration's field rules, key by key; clearing a mandatory field is refused (8112, 91016). */
function fieldPatch(
  w: Walk,
  fields: Record<string, unknown>,
  defs: (CustomFieldDef | ExtendedFieldDef)[],
  codes: FieldCodes,
  path: Path,
): FieldPatch {
  const { values, cleared } = parseTypedFields(w, fields, defs, codes, path);
  for (const name of cleared) {
    if (defs.find((d) => d.name === name)?.mandatory) w.error(codes.missing, { name }, [...path, name]);
  }
  return { set: values, clear: cleared };
}

export interface IdentifierRef {
  type: IdentifierType;
  value: string;
  /** Index in the request's `remove` array. */
  requestIndex: number;
}

export interface NormalisedIdentifierChange {
  /** Position is left at 0: the writer places them after the account's own. */
  add: NormalisedIdentifier[];
  remove: IdentifierRef[];
  warnings: ApiMessage[];
}

export function normaliseIdentifierChange(
  req: ParsedIdentifierChangeRequest,
  config: OrgConfig,
  report: Report,
): NormalisedIdentifierChange | null {
  const w = new Walk(config, report);
  const seen = new Set<string>();
  const add: NormalisedIdentifier[] = [];
  (req.add ?? []).forEach((item, i) => {
    const at = ['add', i];
    const type = identifierTypeOf(w, item.type, [...at, 'type']);
    if (!type) return;
    const value = validValue(w, type, String(item.value), at);
    if (value === null) return;
    const card = cardPartsOf(w, item, type, at);
    if (seen.has(`${type}\u0000${value}`)) return;
    seen.add(`${type}\u0000${value}`);
    add.push({
      type,
      value,
      unique: config.uniqueIdentifierTypes.includes(type),
      position: 0,
      requestIndex: i,
      ...card,
    });
  });
  const remove: IdentifierRef[] = [];
  (req.remove ?? []).forEach((item, i) => {
    const at = ['remove', i];
    // Any type of the vocabulary: an identifier of a type the org no longer allows may still go.
    const type = canonicalIdentifierType(item.type);
    if (!type) {
      w.error(8121, { type: item.type }, [...at, 'type']);
      return;
    }
    const value = validValue(w, type, String(item.value), at);
    if (value === null || remove.some((r) => r.type === type && r.value === value)) return;
    remove.push({ type, value, requestIndex: i });
  });
  // A mandatory type removed goes only with a replacement of the same type.
  for (const [type, code] of Object.entries(MANDATORY_IDENTIFIER_CODES)) {
    const removed = remove.find((r) => r.type === type);
    if (removed && config.mandatoryIdentifierTypes.includes(removed.type) && !add.some((a) => a.type === type))
      w.error(code, undefined, ['remove', removed.requestIndex]);
  }
  if (w.failed) return null;
  return { add, remove, warnings: w.warnings };
}

/** The stored form (docs/api.md#validation-and-normalisation), or null with 8130 whatever the type, the primary one included. */
function validValue(w: Walk, type: IdentifierType, raw: string, at: Path): string | null {
  const value = normaliseIdentifierValue(type, raw, w.config);
  if (value === null) w.error(8130, { type, value: [...raw].slice(0, MAX_VALUE_LENGTH).join('') }, [...at, 'value']);
  return value;
}
