// The customer's history (docs/api.md, "History"): what each change records, and how paths are named.
import type { HistoryChange } from '@/db/schema';
import type { HistoryAction } from '@/lib/vocabulary';

export type { HistoryAction, HistoryChange };

/** A source account in history paths and audit details: `INSTORE`, or `LINE:<accountId>`. */
export function profileKey(p: { source: string; accountId: string }): string {
  return p.accountId ? `${p.source}:${p.accountId}` : p.source;
}

/** A history entry about to be written: the request's context is added by the writer. */
export interface PendingEntry {
  action: HistoryAction;
  reason: string | null;
  changes: HistoryChange[];
}

/** Canonical JSON (keys sorted) for comparing stored values; undefined reads as null. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The change of a value: none when it is the same; an absent or cleared value is null on either side. */
export function changeOf(path: string, before: unknown, after: unknown): HistoryChange[] {
  return sameValue(before, after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}
