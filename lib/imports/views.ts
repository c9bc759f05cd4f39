// What the API answers of an import job.
import type { ImportJobRow } from '@/db/queries/imports';
import { ApiError } from '@/lib/errors';
import type { ImportJobView } from './schemas';

const iso = (t: Date | string | null): string | null => (t === null ? null : new Date(t).toISOString());

export function importJobView(job: ImportJobRow): ImportJobView {
  return {
    id: job.id,
    status: job.status as ImportJobView['status'],
    dryRun: job.dryRun,
    source: job.source,
    accountId: job.accountId,
    fileName: job.fileName,
    columns: job.columns,
    ignoredColumns: job.ignoredColumns,
    rowsTotal: job.rowsTotal,
    rowsDone: job.rowsDone,
    created: job.created,
    sourceAdded: job.sourceAdded,
    duplicates: job.duplicates,
    invalid: job.invalid,
    createdAt: iso(job.createdAt)!,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    ratePerSecond: job.runMs > 0 ? Math.round((job.rowsDone * 1000 * 10) / job.runMs) / 10 : null,
    failure: job.failure,
  };
}

/** A path id: a whole number of the int range, else 9604 (unknown, like any other id). */
export function importId(raw: string | undefined): number {
  if (!raw || !/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw ApiError.of(9604);
  return Number(raw);
}
