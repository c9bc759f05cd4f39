// Stored API client secrets (docs/api.md, "Authentication"): a slow, salted hash (scrypt) of the MD5
// hex the client sends, so a leaked table does not give secrets away cheaply. Requests stay fast
// because a verified credential is remembered briefly (lib/auth/verified-credentials.ts).
//
// The stored value names its scheme:
//   scrypt1$<hash>       scrypt(md5hex, salt)
//   scrypt1-hmac$<hash>  scrypt(HMAC-SHA256(salt, md5hex), salt): an old HMAC hash wrapped without
//                        knowing the secret (upgradeSecretHashes, run by `npm run db:migrate`)
// A value without a scheme (the old bare HMAC) verifies nothing: it must be upgraded first.
import 'server-only';
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^14 × 8: 16 MiB and tens of milliseconds per hash on a server core. */
const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;
const PLAIN = 'scrypt1$';
const WRAPPED = 'scrypt1-hmac$';

/** Lowercase hex MD5: what Capillary clients send in place of the password. */
export function md5hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

function scryptOf(input: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(input, salt, KEY_BYTES, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The old stored form: HMAC-SHA256 keyed by the salt over the MD5 hex. Only ever wrapped now. */
export function legacyHmac(md5: string, salt: string): string {
  return createHmac('sha256', salt).update(md5.toLowerCase(), 'utf8').digest('base64url');
}

/** The stored form of a secret whose MD5 hex is `md5`. */
export async function hashClientSecret(md5: string, salt: string): Promise<string> {
  return PLAIN + (await scryptOf(md5.toLowerCase(), salt)).toString('base64url');
}

/** True when the stored value is an upgraded one (either scheme). */
export function isCurrentSecretHash(stored: string): boolean {
  return stored.startsWith(PLAIN) || stored.startsWith(WRAPPED);
}

/** The upgrade of an old bare HMAC value: scrypt over it, marked as wrapped. */
export async function wrapLegacySecretHash(legacy: string, salt: string): Promise<string> {
  return WRAPPED + (await scryptOf(legacy, salt)).toString('base64url');
}

export async function verifyClientSecret(md5: string, salt: string, stored: string): Promise<boolean> {
  let input: string;
  let encoded: string;
  if (stored.startsWith(PLAIN)) {
    input = md5.toLowerCase();
    encoded = stored.slice(PLAIN.length);
  } else if (stored.startsWith(WRAPPED)) {
    input = legacyHmac(md5, salt);
    encoded = stored.slice(WRAPPED.length);
  } else {
    return false;
  }
  const expected = Buffer.from(encoded, 'base64url');
  const actual = await scryptOf(input, salt);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Costs what a verification costs, for callers whose key is unknown: timing must not tell. */
export async function spendVerificationTime(md5: string): Promise<false> {
  await scryptOf(md5, 'no-such-client');
  return false;
}
