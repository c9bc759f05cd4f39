// Path ids of the webhook routes. Who may call them is the route's `access: 'webhooks:manage'`
// (API contract §18), refused with 8140.
import { ApiError } from '@/lib/errors';

/** A path id: a whole number of the int range, else `code` (unknown, like any other id). */
export function pathId(raw: string | undefined, code: 8141 | 8142): number {
  if (!raw || !/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw ApiError.of(code);
  return Number(raw);
}
