'use client';

import { Loader2, RefreshCw } from 'lucide-react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** HTTP 412: someone saved this customer after the page was loaded. Nothing typed is thrown away. */
export function StaleNotice({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  return (
    <Alert variant="warning" role="alert">
      <AlertTitle>Someone else changed this customer meanwhile</AlertTitle>
      <p>
        Nothing was saved. What you typed is still here: reload to see the customer as it is now, then make your changes
        again.
      </p>
      <Button variant="outline" size="sm" className="mt-1" onClick={onReload} disabled={reloading}>
        {reloading ? <Loader2 aria-hidden="true" className="animate-spin" /> : <RefreshCw aria-hidden="true" />}
        Reload
      </Button>
    </Alert>
  );
}
