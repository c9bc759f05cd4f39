// The admin log as GET /v2/audit answers it: newest first, each entry with who, what and before → after.
// Configuration saves store whole documents; their changes are the top-level settings that differ.
import type { Db } from '@/db/client';
import { listAdminLog, type AdminLogRow } from '@/db/queries/admin-log';
import type { HistoryChange } from '@/db/schema';
import { ApiError } from '@/lib/errors';

export const AUDIT_LIMIT = { default: 50, max: 200 } as const;

function pageOf(url: string): { limit: number; before: number | null } {
  const q = new URL(url).searchParams;
  const limitRaw = q.get('limit');
  const beforeRaw = q.get('before');
  const limit = limitRaw === null ? AUDIT_LIMIT.default : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_LIMIT.max)
    throw ApiError.of(400, { path: 'limit', problem: `expected a whole number from 1 to ${AUDIT_LIMIT.max}` });
  const before = beforeRaw === null ? null : Number(beforeRaw);
  if (before !== null && (!Number.isSafeInteger(before) || before < 1))
    throw ApiError.of(400, { path: 'before', problem: 'expected the id of an entry' });
  return { limit, before };
}

function changesOfRow(row: AdminLogRow): { target: string; changes: HistoryChange[] } {
  const d = row.details ?? {};
  if (row.action !== 'config.update') {
    // A side without a value is null on the wire (entries written before changesOf said so had none).
    const changes = ((d.changes ?? []) as HistoryChange[]).map((c) => ({
      path: c.path,
      before: c.before ?? null,
      after: c.after ?? null,
    }));
    return { target: String(d.target ?? ''), changes };
  }
  // A configuration save: both documents, compared setting by setting.
  const before = (d.before ?? {}) as Record<string, unknown>;
  const after = (d.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return {
    target: 'configuration',
    changes: keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((path) => ({ path, before: before[path] ?? null, after: after[path] ?? null })),
  };
}

export async function readAdminLog(db: Db, orgId: number, url: string) {
  const rows = await listAdminLog(db, orgId, pageOf(url));
  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      actor: { type: row.actorType, code: row.actorCode },
      ...changesOfRow(row),
    })),
  };
}
