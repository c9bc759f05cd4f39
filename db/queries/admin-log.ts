// The admin log (GET /v2/audit): staff, API client and configuration decisions, which name no
// customer; audit_log_admin_idx is partial on that.
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, type HistoryChange } from '@/db/schema';

export interface AdminLogEntry {
  action: string;
  requestId: string;
  actorType: string;
  actorCode: string;
  /** What was acted on: `staff:12`, `apiClient:3`, `org:1`. */
  target: string;
  /** Before → after of each value changed; never a secret, not even hashed. */
  changes: HistoryChange[];
}

export async function insertAdminLogEntry(db: DbOrTx, orgId: number, entry: AdminLogEntry): Promise<void> {
  const { target, changes, ...rest } = entry;
  await db.insert(auditLog).values({ orgId, outcome: 'success', ...rest, details: { target, changes } });
}

export interface AdminLogRow {
  id: number;
  at: Date;
  action: string;
  actorType: string;
  actorCode: string;
  details: Record<string, unknown> | null;
}

/** A page of the org's admin log, newest first, older than `before` when given. */
export async function listAdminLog(
  db: DbOrTx,
  orgId: number,
  page: { limit: number; before: number | null },
): Promise<AdminLogRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorCode: auditLog.actorCode,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        isNull(auditLog.customerId),
        page.before === null ? undefined : lt(auditLog.id, page.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
}
