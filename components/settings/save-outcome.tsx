import Link from 'next/link';
import { Alert, AlertTitle } from '@/components/ui/alert';
import type { SectionInfo } from './sections';

export type Outcome = { ok: true; message: string } | { ok: false; message: string; sections: SectionInfo[] };

/**
 * The answer to "Save configuration". The status region is always rendered, so screen readers
 * announce the success when its text arrives; an error interrupts (role alert).
 */
export function SaveOutcome({ outcome }: { outcome: Outcome | null }) {
  return (
    <>
      <div role="status" aria-live="polite" className="empty:hidden">
        {outcome?.ok && (
          <Alert variant="success">
            <p>{outcome.message}</p>
          </Alert>
        )}
      </div>
      {outcome && !outcome.ok && (
        <Alert variant="destructive" role="alert">
          <AlertTitle>The configuration was not saved</AlertTitle>
          <p>{outcome.message}</p>
          {outcome.sections.length > 0 && (
            <p>
              See:{' '}
              {outcome.sections.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && ', '}
                  {/* A Link: another page of the editor keeps the form, and with it the edits. */}
                  <Link href={`${s.page.href}#${s.id}`} className="font-medium underline underline-offset-2">
                    {s.title}
                    {s.page.title !== s.title && ` (${s.page.title})`}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </Alert>
      )}
    </>
  );
}
