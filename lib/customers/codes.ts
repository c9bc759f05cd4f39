import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O, U — nothing to misread at a counter.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An unguessable code of `length` characters (5 random bits each). */
export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! & 31];
  return out;
}

export const newReferralCode = () => randomCode(8);
export const newCouponCode = () => randomCode(10);
