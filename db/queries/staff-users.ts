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
