// Who is calling: an API client (a till with Basic credentials, or an OAuth client) or a signed-in
// staff member. Every actor belongs to exactly one org; everything it reads or writes is scoped to it.
// It lives with auth: Basic, the OAuth token and the staff session each end in one.
import type { StaffRole } from '@/lib/vocabulary';

export type Actor =
  | { type: 'TILL'; orgId: number; clientId: number; code: string; tillId: number | null; canWriteCustomers: boolean }
  | { type: 'OAUTH_CLIENT'; orgId: number; clientId: number; code: string; canWriteCustomers: boolean }
  | { type: 'STAFF'; orgId: number; userId: number; code: string; role: StaffRole; canWriteCustomers: true };

/** Stable key of the caller, for idempotency keys and logs. */
export function actorKey(actor: Actor): string {
  return actor.type === 'STAFF' ? `staff:${actor.userId}` : `client:${actor.clientId}`;
}
