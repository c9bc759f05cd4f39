import { randomFillSync } from 'node:crypto';

// Crockford's base32: no I, L, O, U — nothing to misread at a counter.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn 4 KiB at a time: one randomBytes call per code cost a crypto job each,
// about 2% of a registration's CPU. Every byte is used once.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** An unguessable code of `length` characters (5 random bits each). */
export function randomCode(length: number): string {
  if (used + length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[pool[used++]! & 31];
  return out;
}

export const newReferralCode = () => randomCode(8);
export const newCouponCode = () => randomCode(10);
