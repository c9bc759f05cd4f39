'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { callApi, refusalMessage } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { RequestMessage, type RequestMessageValue } from './request-message';

/** "Request deletion of personal data": a DELETE request for this customer, approved by someone else. */
export function RequestDeletionButton({ customerId, days }: { customerId: number; days: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RequestMessageValue | null>(null);
  async function request() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await callApi(
        { method: 'POST', url: '/v2/requests', body: { type: 'CUSTOMER', baseType: 'DELETE', customerId } },
        z.object({ createdId: z.number(), status: z.string() }),
      );
      if (res.ok) {
        setMessage({
          ok: true,
          text: `Request ${res.data.createdId} is ${res.data.status.toLowerCase()}. Once approved, the personal data is deleted ${days === 0 ? 'at once' : `after ${days} days`}.`,
        });
        router.refresh();
      } else
        setMessage({
          ok: false,
          text: refusalMessage(res),
        });
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached. Nothing was requested; try again.' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => void request()}>
        Request deletion of personal data
      </Button>
      <p className="text-xs text-slate-500">
        Deleted {days === 0 ? 'as soon as it is approved' : `${days} days after it is approved`}; the loyalty points
        stay.
      </p>
      <RequestMessage message={message} />
    </div>
  );
}
