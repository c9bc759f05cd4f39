// GET /v2/customers/{id}/history: the customer's entries, newest first, a page at a time.
import type { DbOrTx } from '@/db/client';
import { customerExists, listHistory } from '@/db/queries/customer-care';
import { ApiError } from '@/lib/errors';
import { isoUtc } from './side-effects';
import type { HistoryEntry } from './views';

export const HISTORY_PAGE = { default: 50, max: 200 };

/** ?limit= (1 to 200, default 50) and ?before= (an entry id): anything else is 400. */
export function historyPageOf(query: URLSearchParams): { limit: number; before?: number } {
  const limit = query.get('limit');
  const before = query.get('before');
  const page: { limit: number; before?: number } = { limit: HISTORY_PAGE.default };
  if (limit !== null && limit !== '') {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > HISTORY_PAGE.max)
      throw ApiError.of(400, { path: 'limit', problem: `expected a whole number from 1 to ${HISTORY_PAGE.max}` });
    page.limit = Number(limit);
  }
  if (before !== null && before !== '') {
    if (!/^\d{1,15}$/.test(before)) throw ApiError.of(400, { path: 'before', problem: 'expected an entry id' });
    page.before = Number(before);
  }
  return page;
}

/** The page, or 8015 when the org has no such customer. */
export async function getCustomerHistory(
  db: DbOrTx,
  orgId: number,
  customerId: number,
  page: { limit: number; before?: number },
): Promise<HistoryEntry[]> {
  const key = { orgId, customerId };
  if (!Number.isSafeInteger(customerId) || !(await customerExists(db, key))) throw ApiError.of(8015);
  const rows = await listHistory(db, { ...key, ...page });
  return rows.map((r) => ({
    id: r.id,
    at: isoUtc(r.at),
    action: r.action,
    actor: { type: r.actorType, code: r.actorCode },
    requestId: r.requestId,
    userContext: r.userContext ?? null,
    reason: r.reason,
    changes: r.changes,
  }));
}
