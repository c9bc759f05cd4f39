// Who may manage webhooks: `webhooks:manage` (API contract §18). Until the access groups of issue 16
// land (`may(actor, 'webhooks:manage')`), as every admin-only thing is gated today: a signed-in staff
// admin; API clients (tills, OAuth clients) may not.
import type { Actor } from '@/lib/auth/actor';
import { ApiError } from '@/lib/errors';

export function requireWebhookManager(actor: Actor): void {
  if (actor.type !== 'STAFF' || actor.role !== 'admin') throw ApiError.of(8140);
}

/** A path id: a whole number of the int range, else `code` (unknown, like any other id). */
export function pathId(raw: string | undefined, code: 8141 | 8142): number {
  if (!raw || !/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw ApiError.of(code);
  return Number(raw);
}
