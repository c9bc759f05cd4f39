import { describe, expect, it } from 'vitest';
import {
  hashClientSecret,
  isCurrentSecretHash,
  legacyHmac,
  md5hex,
  newSalt,
  verifyClientSecret,
  wrapLegacySecretHash,
} from './secrets';

describe('stored API client secrets', () => {
  it('are a salted scrypt of the MD5 hex, never the MD5 or the secret, and verify only the right MD5', async () => {
    const md5 = md5hex('Demo@123');
    const salt = newSalt();
    const stored = await hashClientSecret(md5, salt);
    expect(stored).toMatch(/^scrypt1\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(md5);
    expect(await hashClientSecret(md5, newSalt())).not.toBe(stored); // salted
    await expect(verifyClientSecret(md5, salt, stored)).resolves.toBe(true);
    await expect(verifyClientSecret(md5.toUpperCase(), salt, stored)).resolves.toBe(true);
    await expect(verifyClientSecret(md5hex('Demo@124'), salt, stored)).resolves.toBe(false);
  });

  it('an old HMAC hash, wrapped without the secret, still verifies the same MD5', async () => {
    const md5 = md5hex('Demo@123');
    const salt = newSalt();
    const old = legacyHmac(md5, salt);
    expect(isCurrentSecretHash(old)).toBe(false);
    // A bare HMAC is no longer accepted: it must be upgraded first.
    await expect(verifyClientSecret(md5, salt, old)).resolves.toBe(false);
    const wrapped = await wrapLegacySecretHash(old, salt);
    expect(wrapped).toMatch(/^scrypt1-hmac\$/);
    expect(isCurrentSecretHash(wrapped)).toBe(true);
    await expect(verifyClientSecret(md5, salt, wrapped)).resolves.toBe(true);
    await expect(verifyClientSecret(md5hex('Demo@124'), salt, wrapped)).resolves.toBe(false);
  });
});
