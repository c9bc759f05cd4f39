'use client';

// A merge's preview in words, as the API answers it (GET /v2/customers/merge/preview, and a pending merge's
// GET /v2/requests/{id}): every blocker, else what would move (the survivor's `customer.merged` changes,
// in the history's words) and what the survivor would hold. The merge dialog and the queue show it.
import { useQuery } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { z } from 'zod';
import { readableValue, typeName } from '@/components/customer/format';
import { callApi, refusalMessage } from '@/components/form/api-request';
import { changeLabel, valueText } from '@/components/history/describe';
import { BeforeAfterTable } from '@/components/ui/before-after-table';

export const MergePreviewSchema = z.object({
  customer: z
    .object({
      id: z.number(),
      profiles: z.array(
        z.object({
          source: z.string(),
          identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
        }),
      ),
    })
    .nullable(),
  blockers: z.array(z.object({ message: z.string() })),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  historyEntries: z.number(),
});
export type MergePreviewData = z.output<typeof MergePreviewSchema>;

/** The merge's custom and extended fields are not among its changes: no labels needed for them. */
const NO_LABELS = { customFields: {}, extendedFields: {} };

/** The preview, read: `live` where it answers what the reader just chose (the dialog), quiet in a list. */
export function MergePreviewView({
  preview,
  victimId,
  survivorId,
  live = false,
}: {
  preview: MergePreviewData;
  victimId: number;
  survivorId: number;
  live?: boolean;
}) {
  if (preview.blockers.length > 0)
    return (
      <div role={live ? 'alert' : undefined} className="text-sm text-red-700">
        <p>This merge cannot be done:</p>
        <ul className="list-disc pl-5">
          {preview.blockers.map((b, i) => (
            <li key={i}>{b.message}</li>
          ))}
        </ul>
      </div>
    );
  const moves = preview.changes.filter((c) => c.path !== 'mergedFrom');
  const entries = `${preview.historyEntries} history ${preview.historyEntries === 1 ? 'entry' : 'entries'}`;
  return (
    <div className="flex flex-col gap-2 text-sm text-slate-700">
      <p>
        What moves from #{victimId} to #{survivorId}: {entries}
        {moves.length > 0 ? ', and the changes below.' : '; no source account or identifier.'}
      </p>
      {moves.length > 0 && (
        <BeforeAfterTable
          caption={`What the merge of #${victimId} into #${survivorId} changes`}
          whatHeading="What"
          mono
          arrow
          rows={moves.map((c) => ({
            key: c.path,
            what: changeLabel(c.path, NO_LABELS),
            before: valueText(c.before),
            after: valueText(c.after),
          }))}
        />
      )}
      {preview.customer && (
        <>
          <p>After the merge, customer #{survivorId} holds:</p>
          <ul className="list-disc pl-5">
            {preview.customer.profiles.map((p, i) => (
              <li key={i}>
                {p.source}:{' '}
                {p.identifiers.map((id) => `${typeName(id.type)} ${readableValue(id.type, id.value)}`).join(', ') ||
                  'no identifiers'}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Customer #{victimId} then leads to #{survivorId}.
      </p>
    </div>
  );
}

const PendingRequestSchema = z.object({ preview: MergePreviewSchema.nullable() });

/** A pending merge request's preview in the queue, read from GET /v2/requests/{id} when the row shows. */
export function QueuedMergePreview({
  requestId,
  victimId,
  survivorId,
}: {
  requestId: number;
  victimId: number;
  survivorId: number;
}) {
  const query = useQuery({
    queryKey: ['request-preview', requestId],
    queryFn: async ({ signal }) => {
      const res = await callApi({ method: 'GET', url: `/v2/requests/${requestId}`, signal }, PendingRequestSchema);
      if (!res.ok) throw new Error(refusalMessage(res));
      return res.data.preview;
    },
  });
  return (
    <section aria-label={`Preview of request ${requestId}`} aria-busy={query.isFetching} className="mt-2">
      {query.isPending && (
        <p className="flex items-center gap-1.5 text-sm text-slate-600">
          <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Loading the preview…
        </p>
      )}
      {query.isError && <p className="text-sm text-red-700">The preview could not be loaded: {query.error.message}</p>}
      {query.data && <MergePreviewView preview={query.data} victimId={victimId} survivorId={survivorId} />}
    </section>
  );
}
