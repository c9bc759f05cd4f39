'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { z } from 'zod';
import { callApi, refusalMessage } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type Decision = 'APPROVED' | 'REJECTED' | 'CANCELLED';

/** A decision on a request (PUT /v2/requests/{id}), with its comments; the page is read again after it. */
function useDecision(requestId: number) {
  const router = useRouter();
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function decide(status: Decision) {
    setBusy(true);
    setProblem(null);
    try {
      const res = await callApi(
        {
          method: 'PUT',
          url: `/v2/requests/${requestId}`,
          body: { status, ...(comments.trim() && { comments: comments.trim() }) },
        },
        z.object({
          id: z.number(),
          status: z.string(),
          failure: z.array(z.object({ message: z.string() })).nullable(),
        }),
      );
      if (!res.ok) setProblem(refusalMessage(res));
      else if (res.data.status === 'FAILED')
        setProblem(`Not merged: ${(res.data.failure ?? []).map((f) => f.message).join(' ')}`);
      router.refresh();
    } catch {
      setProblem('The server could not be reached. Nothing was changed; try again.');
    } finally {
      setBusy(false);
    }
  }
  return { comments, setComments, busy, problem, decide };
}

function Comments({ requestId, value, onChange }: { requestId: number; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>Comments for request {requestId}</Label>
      <Input id={id} value={value} maxLength={1000} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {text}
    </p>
  );
}

/** "Approve" / "Reject" a pending request, with optional comments (supervisors, admins). */
export function DecideButtons({ requestId }: { requestId: number }) {
  const d = useDecision(requestId);
  return (
    <div className="flex flex-col gap-2">
      <Comments requestId={requestId} value={d.comments} onChange={d.setComments} />
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={d.busy} onClick={() => void d.decide('APPROVED')}>
          Approve
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={d.busy} onClick={() => void d.decide('REJECTED')}>
          Reject
        </Button>
      </div>
      <Problem text={d.problem} />
    </div>
  );
}

/** "Cancel request": the maker withdraws their own pending request, with optional comments. */
export function CancelRequestButton({ requestId }: { requestId: number }) {
  const d = useDecision(requestId);
  return (
    <div className="flex flex-col gap-2">
      <p>Waiting for someone else to approve.</p>
      <Comments requestId={requestId} value={d.comments} onChange={d.setComments} />
      <div>
        <Button type="button" size="sm" variant="outline" disabled={d.busy} onClick={() => void d.decide('CANCELLED')}>
          Cancel request {requestId}
        </Button>
      </div>
      <Problem text={d.problem} />
    </div>
  );
}
