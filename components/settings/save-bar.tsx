'use client';

import { Save } from 'lucide-react';
import { useFormState } from 'react-hook-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { SaveOutcome, type Outcome } from './save-outcome';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

/** The sticky bar with the save button. It alone follows dirty/submitting state, so typing does not re-render the page. */
export function SaveBar({ outcome }: { outcome: Outcome | null }) {
  const { isSubmitting, isDirty } = useFormState<SettingsInput>();
  useUnsavedChangesGuard(isDirty && !isSubmitting);
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
      <SaveOutcome outcome={outcome} />
      <div className="flex items-center justify-end gap-3">
        <p className="mr-auto text-xs text-slate-500">
          {isDirty ? 'Unsaved changes' : 'No unsaved changes'} ·{' '}
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
