'use client';
// A password or secret the server answers once: shown with "Copy", never again after closing.
import { useState } from 'react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** What is shown: e.g. "Secret of till-1" and the secret. */
export interface Shown {
  label: string;
  value: string;
}

/** Nothing until there is something to show. */
export function ShownOnce({ shown, note }: { shown: Shown | null; note: string }) {
  return shown && <ShownValue label={shown.label} value={shown.value} note={note} />;
}

function ShownValue({ label, value, note }: Shown & { note: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert variant="warning" role="status">
      <AlertTitle>{label}</AlertTitle>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 font-mono text-sm text-slate-900" data-testid="shown-once">
          {value}
        </code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Copy
        </Button>
        <span aria-live="polite" className="text-xs">
          {copied ? 'Copied' : ''}
        </span>
      </div>
      <p>{note}</p>
    </Alert>
  );
}
