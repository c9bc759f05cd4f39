// Run by scripts/e2e.mjs before the server starts (npx tsx e2e/support/mint-sessions.ts): callers
// the access matrix needs that the demo data and the sign-in form cannot give. The other org's
// admin; a staff member of the demo org made here, whose session is minted while they are active
// and who is then deactivated, as if an admin had switched them off mid-shift (sessions minted with
// the server's AUTH_SECRET exactly as next-auth mints them); and an OAuth client of the other org.
// Prints one line: SESSIONS <json>.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { closeDb, getDb } from '@/db/client';
import { apiClients, orgs, staffUsers } from '@/db/schema';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { authSecret } from '@/lib/env';

const db = await getDb();
async function sessionOf(email: string): Promise<string> {
  const [u] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (!u) throw new Error(`no staff user ${email}`);
  return encode({
    token: { userId: u.id, orgId: u.orgId, role: u.role, name: u.name, email: u.email },
    secret: authSecret(),
  });
}

const [demo] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'demo'));
const formerEmail = `former-${randomUUID()}@demo.example`;
await db
  .insert(staffUsers)
  .values({ orgId: demo!.id, email: formerEmail, name: 'Former Staff', role: 'staff', passwordHash: 'no-login' });
const deactivated = await sessionOf(formerEmail);
await db
  .update(staffUsers)
  .set({ active: false })
  .where(and(eq(staffUsers.email, formerEmail)));
const otherAdmin = await sessionOf('admin@other.example');

const [other] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'other'));
const otherClient = { key: `other-key-${randomUUID()}`, secret: randomUUID() };
const salt = newSalt();
await db.insert(apiClients).values({
  orgId: other!.id,
  kind: 'OAUTH_CLIENT',
  key: otherClient.key,
  secretSalt: salt,
  secretHash: await hashClientSecret(md5hex(otherClient.secret), salt),
  access: ['customers:write'],
});
await closeDb();
process.stdout.write(`SESSIONS ${JSON.stringify({ otherAdmin, deactivated, otherClient })}\n`);
