'use server';
// Server actions of the account page: the signed-in staff member changes their own password; an
// admin turns on TOTP. Each checks the session itself and acts only on the session's own user;
// nothing the browser sends names one.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { changeOwnPassword, type ChangePasswordResult } from '@/lib/admin/own-account';
import { beginTotpSetup, enableTotp } from '@/lib/admin/totp';
import { may } from '@/lib/auth/access';
import { getStaffSession } from '@/lib/auth/require-staff';

const Input = z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) });

export async function changePassword(input: unknown): Promise<ChangePasswordResult> {
  const staff = await getStaffSession();
  if (!staff) return { ok: false, fieldErrors: {}, message: 'Your session has ended. Sign in again.' };
  const parsed = Input.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: {}, message: 'The password was not changed.' };
  return changeOwnPassword(
    await getDb(),
    { orgId: staff.orgId, userId: staff.userId, requestId: randomUUID() },
    parsed.data,
  );
}

export type TotpSetup = { ok: true; key: string; qrSvg: string } | { ok: false; message: string };
export type TotpEnabled = { ok: true; recoveryCodes: string[] } | { ok: false; message: string };

/** A new pending TOTP secret for the signed-in admin (admins only: the contract offers it to them). */
export async function startTotpSetup(): Promise<TotpSetup> {
  const staff = await getStaffSession();
  if (!staff || !may(staff, 'admin'))
    return { ok: false, message: 'Only admins can turn on two-factor authentication.' };
  const setup = await beginTotpSetup(await getDb(), staff);
  return setup ? { ok: true, ...setup } : { ok: false, message: 'Only admins can turn on two-factor authentication.' };
}

export async function turnOnTotp(code: unknown): Promise<TotpEnabled> {
  const staff = await getStaffSession();
  if (!staff || !may(staff, 'admin') || typeof code !== 'string' || code.length > 64) {
    return { ok: false, message: 'Two-factor authentication was not turned on.' };
  }
  const done = await enableTotp(await getDb(), { ...staff, requestId: randomUUID() }, code);
  return done
    ? { ok: true, recoveryCodes: done.recoveryCodes }
    : { ok: false, message: 'That code is not right (or has expired). Enter the current one from your app.' };
}
