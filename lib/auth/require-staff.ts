// The page-level check every /member-care page and server action makes itself (the proxy only
// saves a round trip): signed out → /login and back; staff on an admin page → 403 (forbidden()
// needs experimental.authInterrupts in next.config); signed in with a one-time password → the
// account page, to choose a new one, before anything else.
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { ApiAccess } from '@/lib/vocabulary';
import { may } from './access';
import { loginUrlFor, PATH_HEADER } from './callback-url';
import { sessionTokenOf, type StaffClaims } from './session-token';
import { staffFromToken } from './staff-session';

export type StaffSession = StaffClaims & { mustChangePassword: boolean };

/** The signed-in staff member, from the session cookie; null when signed out. Once per request. */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const jar = await cookies();
  return staffFromToken(sessionTokenOf((name) => jar.get(name)?.value));
});

/** Where a person signed in with a one-time password must go first (and may go at all). */
export const ACCOUNT_PATH = '/member-care/ui/account';

/** `admin`: admins only; `access`: whoever `may` do that (the Webhooks page: webhooks:manage). */
export async function requireStaff(
  opts: { admin?: boolean; access?: ApiAccess; from?: string } = {},
): Promise<StaffSession> {
  const staff = await getStaffSession();
  const from = opts.from ?? (await headers()).get(PATH_HEADER);
  if (!staff) redirect(loginUrlFor(from));
  if (staff.mustChangePassword && !(from ?? '').startsWith(ACCOUNT_PATH)) redirect(`${ACCOUNT_PATH}?first=1`);
  if (opts.admin && !may(staff, 'admin')) forbidden();
  if (opts.access && !may(staff, opts.access)) forbidden();
  return staff;
}
