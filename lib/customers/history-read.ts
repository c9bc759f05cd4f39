// GET /v2/customers/{id}/history: the customer's entries, newest first, a page at a time.
import type { DbOrTx } from '@/db/client';
import { customerExists, listHistory } from '@/db/queries/customer-care';
import { ApiError } from '@/lib/errors';
import { isoUtc } from './side-effects';
import type { HistoryEntry } from './views';

export const HISTORY_PAGE = { default: 50, max: 200 };

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
