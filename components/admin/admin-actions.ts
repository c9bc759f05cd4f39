'use client';
// One way for the administration pages to send a change and show its refusal: the page-level error
// (in AdminError), then a reload of the table on success.
import { useState } from 'react';
import { refusalMessage, type ApiResult } from '@/components/form/api-request';

/** `act(request, onOk)` answers whether the change was made; a refusal or a lost server sets `error`. */
export function useAdminActions(reload: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  async function act<T>(request: Promise<ApiResult<T>>, onOk?: (data: T) => void): Promise<boolean> {
    setError(null);
    try {
      const res = await request;
      if (!res.ok) {
        setError(refusalMessage(res));
        return false;
      }
      onOk?.(res.data);
      await reload();
      return true;
    } catch {
      setError('The server could not be reached. Nothing was changed.');
      return false;
    }
  }
  return { error, act };
}
