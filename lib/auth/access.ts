// The one answer to "may this caller do that" (docs/api.md, "Access"): API routes (lib/api/handler.ts),
// pages (require-staff.ts) and server actions all ask `may`. An API client holds a set of access
// values; a staff member's role stands for one. Pure: no database, no framework, so the browser's
// menus can ask it too.
import { API_ACCESS, type ApiAccess, type StaffRole } from '@/lib/vocabulary';

/** What each staff role holds: staff search, register and care; supervisors also approve; admins everything. */
export const ROLE_ACCESS: Record<StaffRole, readonly ApiAccess[]> = {
  staff: ['customers:read', 'customers:write'],
  supervisor: ['customers:read', 'customers:write', 'requests:approve'],
  admin: API_ACCESS,
};

/** Who is asking: an API client with its access values, or a staff member with a role. */
export type Principal =
  | { access: readonly ApiAccess[] }
  | {
      role: StaffRole;
      /** Signed in with a one-time password: nothing but choosing a new one until then. */
      mustChangePassword?: boolean;
    };

/** Everything a set of access values grants, implications included. */
export function expandAccess(access: readonly ApiAccess[]): Set<ApiAccess> {
  if (access.includes('admin')) return new Set(API_ACCESS);
  const out = new Set(access);
  if (out.has('customers:write')) {
    out.add('customers:read');
    // A client that may register may import (api-contract §19); among staff, only admins import.
    out.add('customers:import');
  }
  return out;
}

/** True when `who` may do what `needs` names. */
export function may(who: Principal, needs: ApiAccess): boolean {
  if ('role' in who) return !who.mustChangePassword && ROLE_ACCESS[who.role].includes(needs);
  return expandAccess(who.access).has(needs);
}
