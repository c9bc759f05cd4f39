// A new org, ready for service (npm run org:create, api-contract §16 "An org without SQL"): the org,
// a working default Registration Configuration (INSTORE; mobile primary and unique, email unique) and
// its first admin with a one-time password. One transaction: an org code or admin email already taken
// writes nothing.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import { insertStaffUser } from '@/db/queries/staff-users';
import { orgs, orgSources, registrationConfigs } from '@/db/schema';
import { IDENTIFIER_TYPES, REGIONS, type Region } from '@/lib/vocabulary';
import { pgErrorCode, pgErrorConstraint, UNIQUE_VIOLATION } from '@/db/errors';
import { hashStaffPassword, newOneTimePassword } from './secrets';

export interface NewOrg {
  name: string;
  region: Region;
  adminEmail: string;
  adminName?: string;
  /** Defaults to the name in lowercase words joined by `-`. */
  code?: string;
}

/** A refusal to show the person running the script; nothing was written. */
export class OrgCreateRefused extends Error {
  override name = 'OrgCreateRefused';
}

export function orgCodeOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function checked(input: NewOrg): Required<NewOrg> {
  const name = input.name.trim();
  if (!name) throw new OrgCreateRefused('--name is required');
  if (!REGIONS.includes(input.region)) throw new OrgCreateRefused(`--region must be one of ${REGIONS.join(', ')}`);
  const adminEmail = input.adminEmail.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail))
    throw new OrgCreateRefused('--admin-email is not an email address');
  const code = input.code?.trim() || orgCodeOf(name);
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(code))
    throw new OrgCreateRefused('--code must be lowercase letters, digits and -');
  return { name, region: input.region, adminEmail, adminName: input.adminName?.trim() || 'Admin', code };
}

export async function createOrg(
  db: Db,
  input: NewOrg,
): Promise<{ orgId: number; code: string; adminId: number; adminEmail: string; oneTimePassword: string }> {
  const o = checked(input);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashStaffPassword(oneTimePassword);
  try {
    return await db.transaction(async (tx) => {
      const [sameName] = await tx
        .select({ code: orgs.code })
        .from(orgs)
        .where(eq(sql`lower(${orgs.name})`, o.name.toLowerCase()));
      if (sameName)
        throw new OrgCreateRefused(`An organisation named "${o.name}" already exists (code ${sameName.code})`);
      const [org] = await tx
        .insert(orgs)
        .values({ code: o.code, name: o.name, region: o.region })
        .returning({ id: orgs.id });
      const orgId = org!.id;
      await tx.insert(registrationConfigs).values({
        orgId,
        primaryIdentifier: 'mobile',
        allowedIdentifierTypes: [...IDENTIFIER_TYPES],
        mandatoryIdentifierTypes: [],
        uniqueIdentifierTypes: ['mobile', 'email'],
      });
      await tx.insert(orgSources).values({ orgId, source: 'INSTORE' });
      const adminId = await insertStaffUser(tx, {
        orgId,
        email: o.adminEmail,
        name: o.adminName,
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
      });
      await insertAdminLogEntry(tx, orgId, {
        action: 'org.create',
        requestId: 'org:create',
        actorType: 'SCRIPT',
        actorCode: 'npm run org:create',
        target: `org:${orgId}`,
        changes: [
          { path: 'name', before: null, after: o.name },
          { path: 'region', before: null, after: o.region },
          { path: 'firstAdmin', before: null, after: o.adminEmail },
        ],
      });
      return { orgId, code: o.code, adminId, adminEmail: o.adminEmail, oneTimePassword };
    });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) {
      const text = pgErrorConstraint(err) ?? String(err);
      if (/orgs_code/.test(text)) throw new OrgCreateRefused(`An organisation with code "${o.code}" already exists`);
      if (/staff_users_email/.test(text))
        throw new OrgCreateRefused(`${o.adminEmail} is already a staff member's email`);
    }
    throw err;
  }
}
