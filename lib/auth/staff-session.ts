// The browser's caller: the next-auth session of a staff member, read from the request's cookies.
import { decode } from 'next-auth/jwt';
import type { Actor } from '@/lib/api/actor';
import { authSecret } from '@/lib/env';
import { isSameOriginOrSafe } from './origin';
import { parseCookieHeader, sessionTokenOf, staffClaimsOf, type StaffClaims } from './session-token';

/** The staff member a session token names, or null for a missing, forged or expired token. */
export async function staffFromToken(token: string | null): Promise<StaffClaims | null> {
  if (!token) return null;
  try {
    return staffClaimsOf(await decode({ token, secret: authSecret() }));
  } catch {
    return null;
  }
}

export async function authenticateStaffSession(req: Request): Promise<Actor | null> {
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
    canWriteCustomers: true,
  };
}
