'use client';

import { useQuery } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { z } from 'zod';
import { callApi, refusalMessage } from '@/components/form/api-request';
import { fetchSuggestions, MIN_QUERY } from '@/components/search/suggestions';
import { useDebouncedValue } from '@/components/search/use-debounced-value';
import { Button } from '@/components/ui/button';
import { RequestMessage, type RequestMessageValue } from './request-message';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { MergePreviewSchema, MergePreviewView, type MergePreviewData } from './merge-preview';

async function fetchPreview(victimId: number, survivorId: number, signal?: AbortSignal): Promise<MergePreviewData> {
  const params = new URLSearchParams({ victimId: String(victimId), survivorId: String(survivorId) });
  const res = await callApi(
    { method: 'GET', url: `/v2/customers/merge/preview?${params}`, signal },
    MergePreviewSchema,
  );
  if (!res.ok) throw new Error(refusalMessage(res));
  return res.data;
}

/**
 * "Merge with another customer…": find the other customer with the home search's API, choose which
 * one survives, read the preview (what moves and what the survivor would hold, or every blocker in words), then ask
 * for the merge (POST /v2/requests), done at once when the org approves merges automatically.
 */
export function MergeDialog({ customerId, autoApprove }: { customerId: number; autoApprove: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [otherId, setOtherId] = useState<number | null>(null);
  const [survivor, setSurvivor] = useState<'this' | 'other'>('this');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RequestMessageValue | null>(null);
  const searchId = useId();
  const typed = text.trim();
  const settled = useDebouncedValue(typed, 250);
  const found = useQuery({
    queryKey: ['merge-candidates', settled],
    queryFn: ({ signal }) => fetchSuggestions(settled, signal),
    enabled: open && settled.length >= MIN_QUERY,
    staleTime: 30_000,
  });
  const candidates = (found.data ?? []).filter((c) => c.id !== customerId);
  const pair =
    otherId === null
      ? null
      : survivor === 'this'
        ? { victimId: otherId, survivorId: customerId }
        : { victimId: customerId, survivorId: otherId };
  const preview = useQuery({
    queryKey: ['merge-preview', pair?.victimId, pair?.survivorId],
    queryFn: ({ signal }) => fetchPreview(pair!.victimId, pair!.survivorId, signal),
    enabled: open && pair !== null,
  });
  const mergeable = preview.data !== undefined && preview.data.blockers.length === 0;

  async function submit() {
    if (!pair) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await callApi(
        { method: 'POST', url: '/v2/requests', body: { type: 'CHANGE_IDENTIFIER', baseType: 'MERGE', ...pair } },
        z.object({ createdId: z.number(), status: z.string() }),
      );
      if (!res.ok) {
        setMessage({
          ok: false,
          text: refusalMessage(res),
        });
      } else if (res.data.status === 'COMPLETED') {
        setOpen(false);
        router.push(`/member-care/ui/customer/${pair.survivorId}`);
        router.refresh();
      } else {
        setMessage({
          ok: res.data.status !== 'FAILED',
          text:
            res.data.status === 'FAILED'
              ? `Request ${res.data.createdId} failed: the merge could not be done.`
              : `Request ${res.data.createdId} is ${res.data.status.toLowerCase()}: someone else approves it in Requests.`,
        });
      }
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached. Nothing was requested; try again.' });
    } finally {
      setBusy(false);
    }
  }

  let searchStatus = '';
  if (typed.length >= MIN_QUERY) {
    if (typed !== settled || found.isFetching) searchStatus = 'Searching…';
    else if (found.isError) searchStatus = 'The search is unavailable right now; try again.';
    else if (!candidates.length) searchStatus = `No other customer matches “${typed}”.`;
    else searchStatus = `${candidates.length} ${candidates.length === 1 ? 'customer' : 'customers'} found.`;
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setMessage(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          Merge with another customer…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Merge customer #{customerId} with another customer</DialogTitle>
        <DialogDescription>
          One customer survives and receives the other&apos;s source accounts, identifiers and history. The merge can be
          undone within 30 days.
        </DialogDescription>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={searchId}>Find the other customer</Label>
          <Input
            id={searchId}
            type="search"
            value={text}
            autoComplete="off"
            placeholder="Name, mobile, email, external id or card number"
            onChange={(e) => {
              setText(e.target.value);
              setOtherId(null);
            }}
          />
          <p role="status" className="flex min-h-5 items-center gap-1.5 text-xs text-slate-600">
            {searchStatus === 'Searching…' && <Loader2 aria-hidden="true" className="size-3 animate-spin" />}
            {searchStatus}
          </p>
        </div>
        {candidates.length > 0 && (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium text-slate-900">Other customer</legend>
            {candidates.map((c) => (
              <label key={c.id} className="flex items-baseline gap-2 text-sm">
                <input
                  type="radio"
                  name="merge-other"
                  value={c.id}
                  checked={otherId === c.id}
                  onChange={() => setOtherId(c.id)}
                />
                <span className="font-medium">{c.name}</span> <span className="text-slate-600">#{c.id}</span>
                <span className="text-slate-600">{c.identifiers}</span>
              </label>
            ))}
          </fieldset>
        )}
        {otherId !== null && (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium text-slate-900">Which customer survives</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="merge-survivor"
                checked={survivor === 'this'}
                onChange={() => setSurvivor('this')}
              />
              This customer, #{customerId}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="merge-survivor"
                checked={survivor === 'other'}
                onChange={() => setSurvivor('other')}
              />
              The other customer, #{otherId}
            </label>
          </fieldset>
        )}
        {pair && (
          <section
            aria-labelledby={`${searchId}-preview`}
            aria-busy={preview.isFetching}
            className="flex flex-col gap-2"
          >
            <h3 id={`${searchId}-preview`} className="text-sm font-medium text-slate-900">
              Preview: #{pair.victimId} into #{pair.survivorId}
            </h3>
            {preview.isPending && (
              <p role="status" className="flex items-center gap-1.5 text-sm text-slate-600">
                <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Loading the preview…
              </p>
            )}
            {preview.isError && (
              <p role="alert" className="text-sm text-red-700">
                The preview could not be loaded: {preview.error.message}
              </p>
            )}
            {preview.data && (
              <MergePreviewView preview={preview.data} victimId={pair.victimId} survivorId={pair.survivorId} live />
            )}
          </section>
        )}
        <div className="flex flex-col items-start gap-2">
          <Button type="button" disabled={!mergeable || busy} onClick={() => void submit()}>
            {autoApprove ? 'Merge now' : 'Request merge'}
          </Button>
          <RequestMessage message={message} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
