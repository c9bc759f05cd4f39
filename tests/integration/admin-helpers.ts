// A fresh org made as `npm run org:create` makes it, with its first admin signed in (their own
// password chosen), for the administration tests.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { createOrg } from '@/lib/admin/create-org';
import { authSecret } from '@/lib/env';
import type { StaffRole } from '@/lib/vocabulary';

/** The headers of a browser session of this staff member (same-origin, as the app's pages send). */
export async function sessionHeaders(user: {
  userId: number;
  orgId: number;
  role: StaffRole;
  email: string;
}): Promise<Record<string, string>> {
  const token = await encode({ token: { ...user, name: 'Someone' }, secret: authSecret() });
  return { cookie: `next-auth.session-token=${token}`, origin: 'http://localhost', host: 'localhost' };
}

export async function newAdminOrg() {
  const db = await getDb();
  const tag = randomUUID().slice(0, 8);
  const org = await createOrg(db, { name: `Admin test ${tag}`, region: 'US', adminEmail: `admin-${tag}@test.example` });
  await db
    .update(staffUsers)
    .set({ mustChangePassword: false })
    .where(and(eq(staffUsers.orgId, org.orgId), eq(staffUsers.id, org.adminId)));
  const admin = await sessionHeaders({ userId: org.adminId, orgId: org.orgId, role: 'admin', email: org.adminEmail });
  return { ...org, tag, admin };
}
