// The subject-access copy (GET /v2/customers/{id}/export): the customer as stored under its own id
// (a merge victim's own record, not its survivor's), its whole history and the requests naming it.
import type { Db } from '@/db/client';
import { getCustomerHistory } from '@/lib/customers/history-read';
import { getCustomer } from '@/lib/customers/read';
import type { CustomerView, HistoryEntry } from '@/lib/customers/views';
import { ApiError } from '@/lib/errors';
import { listOrgRequests } from './requests';
import type { RequestView } from './schemas';

export async function exportCustomer(
  db: Db,
  orgId: number,
  customerId: number,
): Promise<{ customer: CustomerView; history: HistoryEntry[]; requests: RequestView[]; exportedAt: string }> {
  const customer = await getCustomer(db, orgId, customerId);
  if (!customer) throw ApiError.of(8015);
  const history: HistoryEntry[] = [];
  for (;;) {
    const page = await getCustomerHistory(db, orgId, customerId, {
      limit: 200,
      before: history.length ? history[history.length - 1]!.id : undefined,
    });
    history.push(...page);
    if (page.length < 200) break;
  }
  const requests = await listOrgRequests(db, orgId, { customerId, limit: 200 });
  return { customer, history, requests, exportedAt: new Date().toISOString() };
}
