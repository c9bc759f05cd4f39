// How the customer page writes values: times in the org's time zone (or the browser's: null),
// codes with their names. Without a zone given, UTC (what the API stores).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isMultiAccountSource, type Source } from '@/lib/vocabulary';

/**
 * A mobile stored as digits with its country code (919876543210), written for reading:
 * "+91 98765 43210". Digits no country's plan knows stay as they are.
 */
export function formatMobile(digits: string): string {
  if (!/^\d{6,15}$/.test(digits)) return digits;
  const phone = parsePhoneNumberFromString(`+${digits}`);
  return phone?.isPossible() ? phone.formatInternational() : digits;
}

/** An identifier's or channel's value for reading: mobiles formatted, the rest as stored. */
export function readableValue(type: string, value: string): string {
  return type === 'mobile' ? formatMobile(value) : value;
}

/** A time zone: an IANA name, 'UTC', or null for the runtime's own (the browser's). */
export type Zone = string | null;

const dayFormat = (timeZone: Zone) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: timeZone ?? undefined,
  });
const momentFormat = (timeZone: Zone) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: timeZone ?? undefined,
    timeZoneName: 'short',
  });

export function formatDay(iso: string | null | undefined, timeZone: Zone = 'UTC'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat(timeZone).format(d);
}

export function formatMoment(iso: string | null | undefined, timeZone: Zone = 'UTC'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : momentFormat(timeZone).format(d);
}

/** A tab's name: the source, and the account id for multi-account sources ("LINE · 2001914141242"). */
export function sourceAccountLabel(source: Source, accountId: string): string {
  return isMultiAccountSource(source) && accountId ? `${source} · ${accountId}` : source;
}

/** INSTORE first (the store's own profile), the rest as they came (creation order). */
export function orderProfiles<T extends { source: string }>(profiles: T[]): T[] {
  return [...profiles].sort((a, b) => Number(b.source === 'INSTORE') - Number(a.source === 'INSTORE'));
}

/** The org's primary identifier type first, request order otherwise. */
export function orderIdentifiers<T extends { type: string }>(identifiers: T[], primaryType: string): T[] {
  return [...identifiers].sort((a, b) => Number(b.type === primaryType) - Number(a.type === primaryType));
}

const IDENTIFIER_NAMES: Record<string, string> = {
  mobile: 'Mobile',
  email: 'Email',
  externalId: 'External ID',
  cardnumber: 'Card number',
  cardExternalId: 'Card external ID',
  cuid: 'CUID',
  unionId: 'Union ID',
  wechat: 'WeChat',
  line: 'LINE',
  martjackId: 'Martjack ID',
  fbId: 'Facebook ID',
  tmall_uname: 'Tmall user',
  ali_uname: 'Alibaba user',
  jd_uname: 'JD user',
  vip_uname: 'VIP user',
  ios: 'iOS',
  android: 'Android',
  mobilePush: 'Mobile push',
  whatsapp: 'WhatsApp',
};

/** "externalId" → "External ID": the words staff use for identifier and channel types. */
export function typeName(type: string): string {
  return IDENTIFIER_NAMES[type] ?? type;
}

const ACTOR_NAMES: Record<string, string> = {
  STAFF: 'Staff user',
  TILL: 'API client (till)',
  OAUTH_CLIENT: 'API client (OAuth)',
};

/** Who acted: "Staff user staff@demo.example", "API client (till) demo.till". */
export function actorText(actor: { type: string; code: string }): string {
  return `${ACTOR_NAMES[actor.type] ?? actor.type} ${actor.code}`;
}

const REGION = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const LANGUAGE = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A stored field value as text: countries and languages by name, dates as days. */
export function formatFieldValue(dataType: string | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  try {
    if (dataType === 'COUNTRY') return `${REGION.of(text) ?? text} (${text})`;
    if (dataType === 'LANGUAGE') return `${LANGUAGE.of(text) ?? text} (${text})`;
  } catch {
    return text;
  }
  if (dataType === 'DATETIME' || dataType === 'DATE') return formatDay(text);
  if (dataType === 'BOOLEAN') return value === true || text === 'true' ? 'Yes' : 'No';
  return text;
}
