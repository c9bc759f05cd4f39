// Validation and normal form of identifier and channel values (docs/api.md#validation-and-normalisation).
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import type { OrgConfig } from '@/lib/config/types';
import type { ChannelType, IdentifierType } from '@/lib/vocabulary';

export const MAX_VALUE_LENGTH = 255;
const EMAIL = /^[A-Za-z0-9_+.-]+@[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)+$/;

/** A mobile number's stored form (digits, no +), or null when the org's rules reject it. */
export function normaliseMobile(raw: string, rules: OrgConfig['mobile']): string | null {
  const digits = raw.trim().replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null;
  if (!rules.strict) {
    return digits.length >= rules.minLength && digits.length <= rules.maxLength ? digits : null;
  }
  // Strict: a real number for its country; without a country code, the org's default country's.
  const international = parsePhoneNumberFromString(`+${digits}`);
  const phone = international?.isValid()
    ? international
    : rules.defaultCountry
      ? parsePhoneNumberFromString(digits, rules.defaultCountry as CountryCode)
      : undefined;
  if (!phone?.isValid()) return null;
  const e164 = phone.number.replace(/^\+/, '');
  return e164.length >= rules.minLength && e164.length <= rules.maxLength ? e164 : null;
}

/** The calling code of an ISO 3166 country ("IN" → "91"), or null when there is none. */
export function callingCodeOf(country: string | null | undefined): string | null {
  return country && isSupportedCountry(country) ? getCountryCallingCode(country) : null;
}

/** Lowercased email, or null (a longer-than-255 email is invalid, not cut: a cut email is a wrong one). */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim();
  if (email.length === 0 || email.length > MAX_VALUE_LENGTH || !EMAIL.test(email)) return null;
  return email.toLowerCase();
}

/** Any other identifier: trimmed, non-empty, at most 255 characters. */
export function normaliseOther(raw: string): string | null {
  const value = raw.trim();
  return value.length > 0 && [...value].length <= MAX_VALUE_LENGTH ? value : null;
}

/** An identifier's or a channel's value as stored, or null when the org's rules reject it. */
export function normaliseIdentifierValue(
  type: IdentifierType | ChannelType,
  raw: string,
  config: OrgConfig,
): string | null {
  if (type === 'mobile') return normaliseMobile(raw, config.mobile);
  if (type === 'email') return normaliseEmail(raw);
  return normaliseOther(raw);
}
