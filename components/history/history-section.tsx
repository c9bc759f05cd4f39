'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { ChevronDown, Loader2 } from 'lucide-react';
import { z } from 'zod';
import { useMomentFormat } from '@/components/customer/local-time';
import type { CustomerPageLabels } from '@/components/customer/types';
import { callApi } from '@/components/form/api-request';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { BeforeAfterTable } from '@/components/ui/before-after-table';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { actionTitle, actorText, changeLabel, valueText } from './describe';

const PAGE_SIZE = 20;

const EntrySchema = z.object({
  id: z.union([z.number(), z.string()]),
  at: z.string(),
  action: z.string(),
  actor: z.object({ type: z.string(), code: z.string() }),
  userContext: z.record(z.string(), z.string()).nullish(),
  reason: z.string().nullish(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
const PageSchema = z.object({ entries: z.array(EntrySchema) });
type Entry = z.infer<typeof EntrySchema>;

async function fetchPage(customerId: number, before: string | null): Promise<Entry[]> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before !== null) q.set('before', before);
  const result = await callApi({ method: 'GET', url: `/v2/customers/${customerId}/history?${q}` }, PageSchema);
  if (!result.ok) throw new Error(result.errors[0]?.message ?? `HTTP ${result.status}`);
  return result.data.entries;
}

/** Section "History": what happened to the customer, newest first, a page at a time. */
export function HistorySection({
  customerId,
  version,
  labels,
}: {
  customerId: number;
  /** A new version (a save, a reload) starts the list again from the newest entry. */
  version: number;
  labels: CustomerPageLabels;
}) {
  const history = useInfiniteQuery({
    queryKey: ['customer-history', customerId, version],
    queryFn: ({ pageParam }) => fetchPage(customerId, pageParam),
    initialPageParam: null as string | null,
    // After a save the list is fetched again; the old one stays on screen meanwhile.
    placeholderData: (previous) => previous,
    getNextPageParam: (last) => (last.length === PAGE_SIZE ? String(last[last.length - 1]?.id) : undefined),
  });
  const entries = history.data?.pages.flat() ?? [];

  return (
    <section
      aria-labelledby="history-heading"
      aria-busy={history.isPending}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="history-heading" className="mb-3 text-base font-semibold text-slate-900">
        History
      </h2>
      {history.isPending ? (
        <div role="status" aria-label="Loading history" className="flex flex-col gap-2">
          <Skeleton className="h-14 w-full" />
          <Skeleton className="h-14 w-full" />
        </div>
      ) : history.isError && !entries.length ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>The history could not be loaded</AlertTitle>
          <p>{history.error.message}</p>
          <Button variant="outline" size="sm" className="mt-1" onClick={() => void history.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !entries.length ? (
        <p className="text-sm text-slate-500">Nothing recorded yet.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <ol aria-label="History entries, newest first" className="flex flex-col gap-3">
            {entries.map((e) => (
              <HistoryEntry key={e.id} entry={e} labels={labels} />
            ))}
          </ol>
          {history.isFetchNextPageError && (
            <p role="alert" className="text-sm text-red-700">
              More entries could not be loaded: {history.error?.message}
            </p>
          )}
          {history.hasNextPage && (
            <div>
              <Button
                variant="outline"
                size="sm"
                onClick={() => void history.fetchNextPage()}
                disabled={history.isFetchingNextPage}
                aria-busy={history.isFetchingNextPage}
              >
                {history.isFetchingNextPage ? (
                  <Loader2 aria-hidden="true" className="animate-spin" />
                ) : (
                  <ChevronDown aria-hidden="true" />
                )}
                Show more
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function HistoryEntry({ entry, labels }: { entry: Entry; labels: CustomerPageLabels }) {
  const formatMoment = useMomentFormat();
  const context = Object.entries(entry.userContext ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return (
    <li className="rounded-md border border-slate-200 px-4 py-3">
      <article aria-label={`${actionTitle(entry.action)}, ${formatMoment(entry.at)}`} className="flex flex-col gap-2">
        <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
          <span className="font-semibold text-slate-900">{actionTitle(entry.action)}</span>
          <time dateTime={entry.at} className="text-slate-600">
            {formatMoment(entry.at)}
          </time>
          <span className="text-slate-600">by {actorText(entry.actor)}</span>
          {context && <span className="text-slate-600">on behalf of {context}</span>}
        </p>
        {entry.reason && <p className="text-sm text-slate-700">Reason: {entry.reason}</p>}
        {entry.changes.length > 0 && (
          <BeforeAfterTable
            caption="Changes"
            whatHeading="What"
            mono
            arrow
            rows={entry.changes.map((c) => ({
              key: c.path,
              what: changeLabel(c.path, labels),
              before: valueText(c.before, c.path),
              after: valueText(c.after, c.path),
            }))}
          />
        )}
      </article>
    </li>
  );
}
