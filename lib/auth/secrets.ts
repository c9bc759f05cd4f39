import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Lowercase hex MD5: what Capillary clients send in place of the password. */
export function md5hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The stored form of an API client's secret: HMAC-SHA256 keyed by a per-client salt, over the MD5 hex
 * the client sends. Fast enough to check on every request; useless to whoever reads the table.
 */
export function hashClientSecret(md5: string, salt: string): string {
  return createHmac('sha256', salt).update(md5.toLowerCase(), 'utf8').digest('base64url');
}

export function verifyClientSecret(md5: string, salt: string, storedHash: string): boolean {
  const actual = Buffer.from(hashClientSecret(md5, salt));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
