// How the customer page writes values: dates in UTC (what the API stores), codes with their names.
import { isMultiAccountSource, type Source } from '@/lib/vocabulary';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DAY.format(d);
}

export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : MOMENT.format(d);
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
