'use server';
// Server action of the account page: the signed-in staff member changes their own password. It
// checks the session itself and acts only on the session's own user; nothing the browser sends names one.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { changeOwnPassword, type ChangePasswordResult } from '@/lib/admin/own-account';
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
