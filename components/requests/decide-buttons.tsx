'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { z } from 'zod';
import { callApi, requestLevelMessage } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** "Approve" / "Reject" a pending request (PUT /v2/requests/{id}), with optional comments. */
export function DecideButtons({ requestId }: { requestId: number }) {
  const router = useRouter();
  const commentsId = useId();
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function decide(status: 'APPROVED' | 'REJECTED') {
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
      if (!res.ok)
        setProblem(requestLevelMessage(res.status, res.errors) ?? res.errors.map((e) => e.message).join(' '));
      else if (res.data.status === 'FAILED')
        setProblem(`Not merged: ${(res.data.failure ?? []).map((f) => f.message).join(' ')}`);
      router.refresh();
    } catch {
      setProblem('The server could not be reached. Nothing was changed; try again.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-1">
        <Label htmlFor={commentsId}>Comments for request {requestId}</Label>
        <Input id={commentsId} value={comments} maxLength={1000} onChange={(e) => setComments(e.target.value)} />
      </div>
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={busy} onClick={() => void decide('APPROVED')}>
          Approve
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={busy} onClick={() => void decide('REJECTED')}>
          Reject
        </Button>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
