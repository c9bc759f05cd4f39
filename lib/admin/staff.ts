// Staff administration (GET/POST /v2/staff, PATCH /v2/staff/{id}, POST .../resetPassword): each change
// and its admin log entry in one transaction. Passwords an admin hands out are one-time: the person
// must choose their own at the next sign-in. An org never loses its last active admin (9702).
import type { Db } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import {
  getListedStaffUser,
  insertStaffUser,
  listStaffUsers,
  lockActiveAdmins,
  lockStaffUser,
  updateStaffUser,
} from '@/db/queries/staff-users';
import { forgetStaffUser } from '@/lib/auth/recheck';
import { ApiError } from '@/lib/errors';
import { changesOf, parseOrThrow, refusingDuplicate, type AdminActor } from './common';
import { StaffCreateRequestSchema, StaffUpdateRequestSchema } from './schemas';
import { hashStaffPassword, newOneTimePassword } from './secrets';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listStaff(db: Db, orgId: number) {
  const rows = await listStaffUsers(db, orgId);
  return { staff: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, lastSignInAt: iso(r.lastSignInAt) })) };
}

export async function createStaff(db: Db, actor: AdminActor, body: unknown) {
  const input = parseOrThrow(StaffCreateRequestSchema, body);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashStaffPassword(oneTimePassword);
  const id = await refusingDuplicate(
    'staff_users_email_key',
    () => ApiError.of(9701, { email: input.email }, { field: 'email' }),
    () =>
      db.transaction(async (tx) => {
        const id = await insertStaffUser(tx, { orgId: actor.orgId, ...input, passwordHash, mustChangePassword: true });
        await insertAdminLogEntry(tx, actor.orgId, {
          ...logActor(actor),
          action: 'staff.create',
          target: `staff:${id}`,
          changes: changesOf({}, { email: input.email, name: input.name, role: input.role, active: true }),
        });
        return id;
      }),
  );
  return { id, oneTimePassword };
}

export async function updateStaff(db: Db, actor: AdminActor, id: number, body: unknown) {
  const patch = parseOrThrow(StaffUpdateRequestSchema, body);
  await db.transaction(async (tx) => {
    const current = await lockStaffUser(tx, actor.orgId, id);
    if (!current) throw ApiError.of(404);
    const wasAdmin = current.role === 'admin' && current.active;
    const staysAdmin = (patch.role ?? current.role) === 'admin' && (patch.active ?? current.active);
    if (wasAdmin && !staysAdmin) {
      const admins = await lockActiveAdmins(tx, actor.orgId);
      if (admins.filter((a) => a !== id).length === 0) throw ApiError.of(9702);
    }
    const changes = changesOf({ name: current.name, role: current.role, active: current.active }, patch);
    if (changes.length === 0) return;
    await updateStaffUser(tx, actor.orgId, id, patch);
    await insertAdminLogEntry(tx, actor.orgId, {
      ...logActor(actor),
      action: 'staff.update',
      target: `staff:${id}`,
      changes,
    });
  });
  forgetStaffUser(actor.orgId, id);
  const row = await getListedStaffUser(db, actor.orgId, id);
  return { ...row!, createdAt: iso(row!.createdAt)!, lastSignInAt: iso(row!.lastSignInAt) };
}

/** A new one-time password; the old password fails at once (sign-in reads the row, never a cache). */
export async function resetStaffPassword(db: Db, actor: AdminActor, id: number) {
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashStaffPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    const current = await lockStaffUser(tx, actor.orgId, id);
    if (!current) throw ApiError.of(404);
    await updateStaffUser(tx, actor.orgId, id, { passwordHash, mustChangePassword: true });
    await insertAdminLogEntry(tx, actor.orgId, {
      ...logActor(actor),
      action: 'staff.resetPassword',
      target: `staff:${id}`,
      // That a password was reset, never the password.
      changes: [{ path: 'mustChangePassword', before: current.mustChangePassword, after: true }],
    });
  });
  forgetStaffUser(actor.orgId, id);
  return { oneTimePassword };
}

export function logActor(actor: AdminActor) {
  return { requestId: actor.requestId, actorType: actor.type, actorCode: actor.code };
}
