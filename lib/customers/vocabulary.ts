// The fixed words of the API: sources, identifier types, channel types. Requests match them
// case-insensitively; the canonical spelling below is what is stored and returned.

export const SOURCES = [
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'INSTORE',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
] as const;
export type Source = (typeof SOURCES)[number];

/** Sources whose profiles live in one of several accounts (a LINE channel, a WeChat app, ...). */
export const MULTI_ACCOUNT_SOURCES: readonly Source[] = ['WECHAT', 'LINE', 'FACEBOOK', 'MOBILE_APP', 'WEB_ENGAGE'];

export const IDENTIFIER_TYPES = [
  'mobile',
  'email',
  'externalId',
  'cardnumber',
  'cuid',
  'unionId',
  'wechat',
  'line',
  'martjackId',
  'fbId',
  'tmall_uname',
  'ali_uname',
  'jd_uname',
  'vip_uname',
  'cardExternalId',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Identifier types that are always unique, whatever the org says. */
export const ALWAYS_UNIQUE_TYPES: readonly IdentifierType[] = ['mobile', 'externalId', 'cardnumber'];
/** Types whose identifiers may carry seriesId, statusLabel and extendedFields. */
export const CARD_TYPES: readonly IdentifierType[] = ['cardnumber', 'cardExternalId'];
/** The mandatory-identifier settings and their error codes. */
export const MANDATORY_IDENTIFIER_CODES = { mobile: 1006, email: 1039, externalId: 1043 } as const;
export type MandatoryIdentifierType = keyof typeof MANDATORY_IDENTIFIER_CODES;

export const CHANNEL_TYPES = [
  'mobile',
  'email',
  'cardnumber',
  'wechat',
  'ios',
  'android',
  'line',
  'mobilePush',
  'whatsapp',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const LOYALTY_TYPES = ['loyalty', 'non_loyalty'] as const;
export type LoyaltyType = (typeof LOYALTY_TYPES)[number];

function canonicalizer<T extends string>(words: readonly T[]): (input: string) => T | undefined {
  const byLower = new Map(words.map((w) => [w.toLowerCase(), w]));
  return (input) => byLower.get(input.trim().toLowerCase());
}

export const canonicalSource = canonicalizer(SOURCES);
export const canonicalIdentifierType = canonicalizer(IDENTIFIER_TYPES);
export const canonicalChannelType = canonicalizer(CHANNEL_TYPES);
export const canonicalLoyaltyType = canonicalizer(LOYALTY_TYPES);

export function isMultiAccountSource(source: Source): boolean {
  return MULTI_ACCOUNT_SOURCES.includes(source);
}
