'use client';

import { RotateCcw } from 'lucide-react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A failure while rendering a page: say so plainly and offer to try again (details stay in the log). */
export default function MemberCareError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4 py-12">
      <Alert variant="destructive" role="alert">
        <AlertTitle>Something went wrong</AlertTitle>
        <p>
          The page could not be shown. Try again; if it keeps failing, tell your administrator
          {error.digest ? ` (reference ${error.digest})` : ''}.
        </p>
      </Alert>
      <div>
        <Button variant="outline" onClick={reset}>
          <RotateCcw aria-hidden="true" />
          Try again
        </Button>
      </div>
    </div>
  );
}
