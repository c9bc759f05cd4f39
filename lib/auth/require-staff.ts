// The page-level check every /member-care page and server action makes itself (the proxy only
// saves a round trip): signed out → /login and back; staff on an admin page → 403 (forbidden()
// needs experimental.authInterrupts in next.config).
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
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

export async function requireStaff(opts: { admin?: boolean; from?: string } = {}): Promise<StaffSession> {
  const staff = await getStaffSession();
  if (!staff) redirect(loginUrlFor(opts.from ?? (await headers()).get(PATH_HEADER)));
  if (opts.admin && !may(staff, 'admin')) forbidden();
  return staff;
}
