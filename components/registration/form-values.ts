// The form's values mirror the POST /v2/customers body (profiles.0.identifiers.1.value is the same
// path in both), as strings the way inputs hold them. `toRegistrationRequest` gives the wire shape.
import type { OrgConfig } from '@/lib/config/types';
import { callingCodeOf } from '@/lib/customers/identifier-values';
import type { RegistrationRequest } from '@/lib/customers/request-schema';
import {
  CARD_TYPES,
  IDENTIFIER_TYPES,
  canonicalSource,
  isMultiAccountSource,
  type IdentifierType,
  type Source,
} from '@/lib/vocabulary';

export interface IdentifierRow {
  type: string;
  value: string;
  seriesId: string;
  statusLabel: string;
  extendedFields: Record<string, string>;
  /** A mandatory type's own row: its type is fixed and it cannot be removed (never sent). */
  locked: boolean;
}

export interface ChannelRow {
  type: string;
  value: string;
  primary: boolean;
  verified: boolean;
  subscribed: boolean;
}

export interface EnrollmentRow {
  programId: string;
  tierNumber: string;
  loyaltyPoints: string;
  tierExpiryDate: string;
  pointsExpiryDate: string;
}

export interface RegistrationFormValues {
  profiles: [
    {
      source: string;
      accountId: string;
      firstName: string;
      lastName: string;
      identifiers: IdentifierRow[];
      commChannels: ChannelRow[];
      fields: Record<string, string>;
    },
  ];
  extendedFields: Record<string, string>;
  loyaltyProgramEnrollments: [EnrollmentRow];
  statusLabel: string;
  referralCode: string;
  associatedWith: string;
}

/** Which form row each request row came from: blank rows are not sent, so the indices can differ. */
export interface RowIndex {
  identifiers: number[];
  commChannels: number[];
}

export const isCardType = (type: string) => CARD_TYPES.includes(type as IdentifierType);

const emptyMap = (names: string[]) => Object.fromEntries(names.map((n) => [n, '']));

export function emptyIdentifierRow(config: OrgConfig, type: string, locked = false): IdentifierRow {
  return {
    type,
    value: '',
    seriesId: '',
    statusLabel: '',
    extendedFields: emptyMap(config.extendedFields.card.map((f) => f.name)),
    locked,
  };
}

export function emptyChannelRow(type = 'mobile'): ChannelRow {
  return { type, value: '', primary: false, verified: false, subscribed: false };
}

export function defaultSource(config: OrgConfig): Source | '' {
  return config.sources.find((s) => s.source === 'INSTORE')?.source ?? config.sources[0]?.source ?? '';
}

export function firstAccountOf(config: OrgConfig, source: string): string {
  return config.sources.find((s) => s.source === source)?.accounts[0]?.accountId ?? '';
}

/**
 * The org's primary identifier is always the first row (where a clerk types the number), then the
 * other mandatory types (locked rows) in the vocabulary's fixed order, whatever order they were saved in.
 */
export function defaultFormValues(config: OrgConfig): RegistrationFormValues {
  const primary = config.primaryIdentifier;
  const mandatory = IDENTIFIER_TYPES.filter(
    (t) => t !== primary && config.mandatoryIdentifierTypes.includes(t) && config.allowedIdentifierTypes.includes(t),
  );
  const rows = [
    emptyIdentifierRow(config, primary, config.mandatoryIdentifierTypes.includes(primary)),
    ...mandatory.map((t) => emptyIdentifierRow(config, t, true)),
  ];
  const source = defaultSource(config);
  return {
    profiles: [
      {
        source,
        accountId: firstAccountOf(config, source),
        firstName: '',
        lastName: '',
        identifiers: rows,
        commChannels: [],
        fields: emptyMap(config.customFields.map((f) => f.name)),
      },
    ],
    extendedFields: emptyMap(config.extendedFields.customer.map((f) => f.name)),
    loyaltyProgramEnrollments: [
      { programId: '', tierNumber: '', loyaltyPoints: '', tierExpiryDate: '', pointsExpiryDate: '' },
    ],
    statusLabel: '',
    referralCode: '',
    associatedWith: '',
  };
}

/**
 * What a search that found nobody carries over to the form: a number into the primary identifier (with
 * the org's default country code when typed without one), an email into the primary row or an email
 * row, words into the names (the first word the first name, the rest the last name).
 */
export function prefillFromSearch(
  values: RegistrationFormValues,
  query: string,
  config: OrgConfig,
): RegistrationFormValues {
  const q = query.trim().slice(0, 255);
  if (!q) return values;
  const profile = { ...values.profiles[0], identifiers: values.profiles[0].identifiers.map((r) => ({ ...r })) };
  const primaryRow = profile.identifiers.find((r) => r.type === config.primaryIdentifier);
  if (/^[+\d\s().-]+$/.test(q) && /\d/.test(q)) {
    const digits = q.replace(/\D/g, '');
    const code = callingCodeOf(config.mobile.defaultCountry);
    const value = q.startsWith('+') || !code ? digits : code + digits.replace(/^0+/, '');
    const row =
      config.primaryIdentifier === 'mobile' ? primaryRow : profile.identifiers.find((r) => r.type === 'mobile');
    if (row) row.value = value;
    else profile.identifiers.push({ ...emptyIdentifierRow(config, 'mobile'), value });
  } else if (/^\S+@\S+$/.test(q)) {
    const row = profile.identifiers.find((r) => r.type === 'email');
    if (row) row.value = q;
    else profile.identifiers.push({ ...emptyIdentifierRow(config, 'email'), value: q });
  } else {
    const [first = '', ...rest] = q.split(/\s+/);
    profile.firstName = first;
    profile.lastName = rest.join(' ');
  }
  return { ...values, profiles: [profile] };
}

/** The non-empty entries, trimmed: an untouched input is "not given", not an empty string. */
export function filled(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  );
}

/** A day from a date input as the API's expiry format: the end of that day, in this browser's offset. */
export function endOfDayWithOffset(day: string, offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${day}T23:59:59${sign}${hh}:${mm}`;
}

const localOffset = (day: string) => -new Date(`${day}T23:59:59`).getTimezoneOffset();
const optionalText = (v: string) => (v.trim() ? v.trim() : undefined);
const expiry = (day: string) => (day ? endOfDayWithOffset(day, localOffset(day)) : undefined);

export function toRegistrationRequest(values: RegistrationFormValues): {
  request: RegistrationRequest;
  index: RowIndex;
} {
  const p = values.profiles[0];
  const index: RowIndex = { identifiers: [], commChannels: [] };
  const identifiers = p.identifiers.flatMap((row, i) => {
    if (!row.value.trim()) return [];
    index.identifiers.push(i);
    const card = isCardType(row.type);
    const ext = filled(row.extendedFields);
    return [
      {
        type: row.type,
        value: row.value,
        ...(card && row.seriesId ? { seriesId: Number(row.seriesId) } : {}),
        ...(card && row.statusLabel ? { statusLabel: row.statusLabel } : {}),
        ...(card && Object.keys(ext).length ? { extendedFields: ext } : {}),
      },
    ];
  });
  const commChannels = p.commChannels.flatMap((row, i) => {
    if (!row.value.trim()) return [];
    index.commChannels.push(i);
    return [
      { type: row.type, value: row.value, primary: row.primary, verified: row.verified, subscribed: row.subscribed },
    ];
  });
  const source = canonicalSource(p.source);
  const e = values.loyaltyProgramEnrollments[0];
  const enrol = e.programId
    ? [
        {
          programId: Number(e.programId),
          tierNumber: e.tierNumber ? Number(e.tierNumber) : 1,
          loyaltyPoints: e.loyaltyPoints.trim() === '' ? 0 : Number(e.loyaltyPoints),
          tierExpiryDate: expiry(e.tierExpiryDate),
          pointsExpiryDate: expiry(e.pointsExpiryDate),
        },
      ]
    : [];
  const request: RegistrationRequest = {
    profiles: [
      {
        source: p.source,
        ...(source && isMultiAccountSource(source) ? { accountId: p.accountId } : {}),
        firstName: p.firstName,
        lastName: p.lastName,
        identifiers,
        commChannels,
        fields: filled(p.fields),
      },
    ],
    extendedFields: filled(values.extendedFields),
    loyaltyProgramEnrollments: enrol,
    statusLabel: optionalText(values.statusLabel),
    referralCode: optionalText(values.referralCode),
    associatedWith: optionalText(values.associatedWith),
  };
  return { request, index };
}
