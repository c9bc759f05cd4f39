import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { staffUsers } from '@/db/schema';

/**
 * The active staff user with this email, whatever the org: signing in is what tells us the org,
 * so this is the one query that cannot filter by it (emails are unique across orgs).
 */
export async function findActiveStaffUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(sql`lower(${staffUsers.email})`, email.trim().toLowerCase()), eq(staffUsers.active, true)));
  return row ?? null;
}

/** The active staff user with this id in this org: a moved or deactivated user is not found. */
export async function findActiveStaffUser(db: DbOrTx, orgId: number, userId: number) {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, userId), eq(staffUsers.active, true)));
  return row ?? null;
}

/** The columns an admin sees of a staff member: never the password hash. */
const listed = {
  id: staffUsers.id,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  active: staffUsers.active,
  createdAt: staffUsers.createdAt,
  lastSignInAt: staffUsers.lastSignInAt,
};

export async function listStaffUsers(db: DbOrTx, orgId: number) {
  return db.select(listed).from(staffUsers).where(eq(staffUsers.orgId, orgId)).orderBy(staffUsers.id);
}

export async function getListedStaffUser(db: DbOrTx, orgId: number, id: number) {
  const [row] = await db
    .select(listed)
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, id)));
  return row ?? null;
}

/** One staff member of this org, locked for the change that follows; null when unknown. */
export async function lockStaffUser(db: DbOrTx, orgId: number, id: number) {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, id)))
    .for('update');
  return row ?? null;
}

/**
 * The ids of the org's active admins, locked: two demotions at once are taken one after the other,
 * and the second sees the first's result, so an org never loses its last admin.
 */
export async function lockActiveAdmins(db: DbOrTx, orgId: number): Promise<number[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
    .for('update');
  return rows.map((r) => r.id);
}

export async function insertStaffUser(db: DbOrTx, values: typeof staffUsers.$inferInsert): Promise<number> {
  const [row] = await db.insert(staffUsers).values(values).returning({ id: staffUsers.id });
  return row!.id;
}

export async function updateStaffUser(
  db: DbOrTx,
  orgId: number,
  id: number,
  values: Partial<
    Pick<
      typeof staffUsers.$inferInsert,
      | 'name'
      | 'role'
      | 'active'
      | 'passwordHash'
      | 'mustChangePassword'
      | 'totpSecret'
      | 'totpEnabled'
      | 'totpRecoveryHashes'
    >
  >,
): Promise<void> {
  await db
    .update(staffUsers)
    .set(values)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, id)));
}

export async function recordStaffSignIn(db: DbOrTx, orgId: number, id: number): Promise<void> {
  await db
    .update(staffUsers)
    .set({ lastSignInAt: sql`now()` })
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.id, id)));
}
