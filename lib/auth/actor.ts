// Who is calling: an API client (a till with Basic credentials, or an OAuth client) or a signed-in
// staff member. Every actor belongs to exactly one org; everything it reads or writes is scoped to it.
// It lives with auth: Basic, the OAuth token and the staff session each end in one.
// What each may do is asked of lib/auth/access.ts (`may`): clients by their access values, staff by role.
import type { ApiAccess, StaffRole } from '@/lib/vocabulary';

export type Actor =
  | {
      type: 'TILL';
      orgId: number;
      clientId: number;
      code: string;
      tillId: number | null;
      access: readonly ApiAccess[];
    }
  | { type: 'OAUTH_CLIENT'; orgId: number; clientId: number; code: string; access: readonly ApiAccess[] }
  | {
      type: 'STAFF';
      orgId: number;
      userId: number;
      code: string;
      role: StaffRole;
      mustChangePassword: boolean;
    };

/** Stable key of the caller, for idempotency keys and logs. */
export function actorKey(actor: Actor): string {
  return actor.type === 'STAFF' ? `staff:${actor.userId}` : `client:${actor.clientId}`;
}
