// A second factor for admins (api-contract §16, "Own account"): TOTP (RFC 6238, 30 s, 6 digits, by
// otpauth) with ten recovery codes shown once. The secret is stored encrypted (AES-256-GCM, a key
// derived from AUTH_SECRET), the recovery codes as SHA-256 (each has 50 random bits, so a fast hash
// suffices); a used recovery code is gone.
import 'server-only';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Db } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import { findActiveStaffUser, updateStaffUser } from '@/db/queries/staff-users';
import { staffUsers } from '@/db/schema';
import { forgetStaffUser } from '@/lib/auth/recheck';
import { authSecret } from '@/lib/env';

const ISSUER = 'Member Care';
const RECOVERY_CODES = 10;

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'member-care', 'totp-secret v1', 32));
}

function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function decrypt(stored: string): string | null {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const totpOf = (base32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(base32),
  });
const hashOf = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('base64url');

/** A new pending secret for the signed-in admin: the QR code (SVG) and the key as text, for the app. */
export async function beginTotpSetup(db: Db, who: { orgId: number; userId: number }) {
  const user = await findActiveStaffUser(db, who.orgId, who.userId);
  if (!user || user.role !== 'admin') return null;
  const secret = new OTPAuth.Secret({ size: 20 });
  await updateStaffUser(db, who.orgId, who.userId, { totpSecret: encrypt(secret.base32), totpEnabled: false });
  const uri = totpOf(secret.base32, user.email).toString();
  return { key: secret.base32, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** Turns the pending secret on when `code` is right; the recovery codes, shown once. */
export async function enableTotp(db: Db, who: { orgId: number; userId: number; requestId: string }, code: string) {
  const user = await findActiveStaffUser(db, who.orgId, who.userId);
  const base32 = user?.totpSecret ? decrypt(user.totpSecret) : null;
  if (!user || !base32 || user.totpEnabled) return null;
  if (totpOf(base32, user.email).validate({ token: code.replace(/\s/g, ''), window: 1 }) === null) return null;
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const hex = randomBytes(5).toString('hex');
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
  await db.transaction(async (tx) => {
    await updateStaffUser(tx, who.orgId, who.userId, { totpEnabled: true, totpRecoveryHashes: codes.map(hashOf) });
    await insertAdminLogEntry(tx, who.orgId, {
      action: 'staff.totp',
      requestId: who.requestId,
      actorType: 'STAFF',
      actorCode: user.email,
      target: `staff:${user.id}`,
      changes: [{ path: 'totpEnabled', before: false, after: true }],
    });
  });
  forgetStaffUser(who.orgId, who.userId);
  return { recoveryCodes: codes };
}

/** The second factor of a sign-in: a current TOTP code, or an unused recovery code (then used up). */
export async function verifySecondFactor(
  db: Db,
  user: { orgId: number; id: number; email: string; totpSecret: string | null },
  code: string,
): Promise<boolean> {
  const base32 = user.totpSecret ? decrypt(user.totpSecret) : null;
  if (!base32 || !code) return false;
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) return totpOf(base32, user.email).validate({ token: digits, window: 1 }) !== null;
  const hash = hashOf(code);
  // Removed only if still there: the same code used twice at once passes once.
  const used = await db
    .update(staffUsers)
    .set({ totpRecoveryHashes: sql`array_remove(${staffUsers.totpRecoveryHashes}, ${hash})` })
    .where(
      and(
        eq(staffUsers.orgId, user.orgId),
        eq(staffUsers.id, user.id),
        sql`${hash} = any(${staffUsers.totpRecoveryHashes})`,
      ),
    )
    .returning({ id: staffUsers.id });
  return used.length === 1;
}
