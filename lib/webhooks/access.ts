// Who may manage webhooks: `webhooks:manage` (API contract §18): staff admins, and API clients holding
// it (or `admin`); everyone else signed in is answered 8140.
import { may } from '@/lib/auth/access';
import type { Actor } from '@/lib/auth/actor';
import { ApiError } from '@/lib/errors';

export function requireWebhookManager(actor: Actor): void {
  if (!may(actor, 'webhooks:manage')) throw ApiError.of(8140);
}

/** A path id: a whole number of the int range, else `code` (unknown, like any other id). */
export function pathId(raw: string | undefined, code: 8141 | 8142): number {
  if (!raw || !/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw ApiError.of(code);
  return Number(raw);
}
