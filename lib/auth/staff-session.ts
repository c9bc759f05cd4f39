// The browser's caller: the next-auth session of a staff member, read from the request's cookies,
// and the staff user's row as it is now (lib/auth/recheck.ts): the 12-hour session says who signed
// in; whether they are still active, in that org and with that role is asked of the database.
import { decode } from 'next-auth/jwt';
import type { Actor } from './actor';
import { authSecret } from '@/lib/env';
import type { HeaderSource } from '@/lib/http/header-source';
import { isSameOriginOrSafe } from './origin';
import { currentStaffUser } from './recheck';
import { parseCookieHeader, sessionTokenOf, staffClaimsOf, type StaffClaims } from './session-token';

/**
 * The staff member a session token names, as they are now: null for a missing, forged or expired
 * token, and for a user since deactivated or moved to another org; a demoted admin comes back as staff.
 */
export async function staffFromToken(
  token: string | null,
): Promise<(StaffClaims & { mustChangePassword: boolean }) | null> {
  if (!token) return null;
  let claims: StaffClaims | null;
  try {
    claims = staffClaimsOf(await decode({ token, secret: authSecret() }));
  } catch {
    return null;
  }
  if (!claims) return null;
  const user = await currentStaffUser(claims.orgId, claims.userId);
  if (!user) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    name: user.name,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function authenticateStaffSession(req: { method: string; headers: HeaderSource }): Promise<Actor | null> {
  if (!isSameOriginOrSafe(req)) return null;
  const cookies = parseCookieHeader(req.headers.get('cookie'));
  const staff = await staffFromToken(sessionTokenOf((name) => cookies.get(name)));
  if (!staff) return null;
  return {
    type: 'STAFF',
    orgId: staff.orgId,
    userId: staff.userId,
    code: staff.email,
    role: staff.role,
    mustChangePassword: staff.mustChangePassword,
  };
}
