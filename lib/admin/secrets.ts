// What an admin hands out once: one-time passwords for staff and secrets for API clients. Both are
// random (never chosen by a person), shown once in the answer and stored only as a slow hash.
import 'server-only';
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';

/** 96 bits, 16 characters of base64url: typed once, then replaced by the person's own password. */
export function newOneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Staff passwords are bcrypt hashes (lib/auth/next-auth.ts compares them). */
export function hashStaffPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

/** 192 bits (≥ 128 asked for), 32 characters of base64url. */
export function newClientSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** The stored form of a client secret (lib/auth/secrets.ts): scrypt of its MD5 hex, salted. */
export async function storedClientSecret(secret: string): Promise<{ secretSalt: string; secretHash: string }> {
  const secretSalt = newSalt();
  return { secretSalt, secretHash: await hashClientSecret(md5hex(secret), secretSalt) };
}
