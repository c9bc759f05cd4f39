// A signed-in staff member changes their own password (the account page's server action): the
// current one must be right, the new one strong enough (password-strength.ts). This is also how a
// one-time password is replaced; until then the person may do nothing else (lib/auth/access.ts).
import bcrypt from 'bcryptjs';
import type { Db } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import { findActiveStaffUser, updateStaffUser } from '@/db/queries/staff-users';
import { forgetStaffUser } from '@/lib/auth/recheck';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-strength';
import { hashStaffPassword } from './secrets';

export type ChangePasswordResult =
  | { ok: true; data: null }
  | { ok: false; fieldErrors: Partial<Record<'currentPassword' | 'newPassword', string>>; message: string };

const refused = (fieldErrors: Extract<ChangePasswordResult, { ok: false }>['fieldErrors']): ChangePasswordResult => ({
  ok: false,
  fieldErrors,
  message: 'The password was not changed.',
});

export async function changeOwnPassword(
  db: Db,
  who: { orgId: number; userId: number; requestId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const user = await findActiveStaffUser(db, who.orgId, who.userId);
  if (!user) return { ok: false, fieldErrors: {}, message: 'Your session has ended. Sign in again.' };
  const current = input.currentPassword.slice(0, MAX_PASSWORD_LENGTH + 1);
  if (!(await bcrypt.compare(current, user.passwordHash))) {
    return refused({ currentPassword: 'This is not your current password.' });
  }
  if (input.newPassword === input.currentPassword) {
    return refused({ newPassword: 'Choose a password different from the current one.' });
  }
  const problem = passwordProblem(input.newPassword, [user.email, user.name, ...user.email.split(/[@.]/)]);
  if (problem) return refused({ newPassword: problem });
  const passwordHash = await hashStaffPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateStaffUser(tx, who.orgId, who.userId, { passwordHash, mustChangePassword: false });
    await insertAdminLogEntry(tx, who.orgId, {
      action: 'staff.changePassword',
      requestId: who.requestId,
      actorType: 'STAFF',
      actorCode: user.email,
      target: `staff:${user.id}`,
      changes: user.mustChangePassword ? [{ path: 'mustChangePassword', before: true, after: false }] : [],
    });
  });
  forgetStaffUser(who.orgId, who.userId);
  return { ok: true, data: null };
}
