'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { callApi, refusalMessage } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';

/** "Undo merge": POST /v2/requests/{id}/unmerge with the session, then the page again. */
export function UndoMergeButton({ requestId }: { requestId: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function undo() {
    setBusy(true);
    setProblem(null);
    try {
      const res = await callApi(
        { method: 'POST', url: `/v2/requests/${requestId}/unmerge` },
        z.object({ id: z.number() }),
      );
      if (res.ok) router.refresh();
      else setProblem(refusalMessage(res));
    } catch {
      setProblem('The server could not be reached. Nothing was changed; try again.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => void undo()}>
        Undo merge
      </Button>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
