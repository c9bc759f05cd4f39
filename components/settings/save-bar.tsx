'use client';

import { Save } from 'lucide-react';
import { useFormState } from 'react-hook-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { SaveOutcome, type Outcome } from './save-outcome';
import { isEditorPath, pagesWithChanges } from './sections';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

/** Whether RHF's dirty-field marks hold a change anywhere below (they keep `false` leaves too). */
function anyDirty(marks: unknown): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(anyDirty);
  if (marks && typeof marks === 'object') return Object.values(marks).some(anyDirty);
  return false;
}

/** The sticky bar with the save button. It alone follows dirty/submitting state, so typing does not re-render the page. */
export function SaveBar({ outcome }: { outcome: Outcome | null }) {
  const { isSubmitting, isDirty, dirtyFields } = useFormState<SettingsInput>();
  // Moving to another page of the editor keeps the form: only leaving the editor asks.
  useUnsavedChangesGuard(isDirty && !isSubmitting, isEditorPath);
  const changed = pagesWithChanges(
    Object.entries(dirtyFields).flatMap(([key, marks]) => (anyDirty(marks) ? [key] : [])),
  );
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
      <SaveOutcome outcome={outcome} />
      <div className="flex items-center justify-end gap-3">
        <p className="mr-auto text-xs text-slate-500">
          {!isDirty
            ? 'No unsaved changes'
            : changed.length
              ? `Unsaved changes on ${changed.map((p) => p.title).join(', ')}`
              : 'Unsaved changes'}{' '}
          ·{' '}
          <span aria-hidden="true" className="text-red-600">
            *
          </span>{' '}
          required
        </p>
        <SubmitButton busy={isSubmitting} icon={Save} busyLabel="Saving…">
          Save configuration
        </SubmitButton>
      </div>
    </div>
  );
}
