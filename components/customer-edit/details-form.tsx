'use client';

import { Save } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { SelectField } from '@/components/registration/fields';
import { FormErrors } from '@/components/registration/form-errors';
import type { RegistrationFormValues } from '@/components/registration/form-values';
import { TypedFieldGrid } from '@/components/registration/typed-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { applyServerErrors } from './apply-server-errors';
import { DETAILS_TARGET, toDetailsUpdate } from './edit-values';
import { updateResolver } from './resolver';
import { StaleNotice } from './stale-notice';
import { useCustomerWrite, type EditTarget, type WriteWarning } from './use-customer-write';

interface Props extends EditTarget {
  onDone: (saved: { warnings: WriteWarning[] } | null) => void;
}

/** Stored with the status change in the history (docs/api.md: statusReason, at most 255 characters). */
const REASON_MAX = 255;
const NO_ROWS = { identifiers: [], commChannels: [] };

/** The customer-level details: status label (with the reason for changing it) and extended fields. */
export function DetailsForm({ config, customerId, version, initial, onDone }: Props) {
  const resolver = useMemo(
    () =>
      updateResolver(config, DETAILS_TARGET, (values) => {
        // The reason has its own input (at most 255 characters); the rest is checked by the API's schema.
        const body = toDetailsUpdate(values, initial, '');
        return body && { body, index: NO_ROWS };
      }),
    [config, initial],
  );
  const form = useForm<RegistrationFormValues>({
    defaultValues: initial,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [reason, setReason] = useState('');
  const write = useCustomerWrite(customerId, version);
  const { setFocus } = form;
  useEffect(() => setFocus('statusLabel'), [setFocus]);
  const labels = config.statusLabels.map((l) => ({ value: l.name, label: `${l.name} (${l.status})` }));

  async function submit(values: RegistrationFormValues) {
    const body = toDetailsUpdate(values, initial, reason);
    if (!body) return onDone(null);
    const outcome = await write.send({ method: 'PUT', path: '', body });
    if (!outcome) return;
    if (outcome.ok) return onDone({ warnings: outcome.warnings });
    write.setFormErrors(applyServerErrors(outcome.errors, values, NO_ROWS, DETAILS_TARGET, form.setError));
  }

  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label="Edit status and extended fields"
        className="flex flex-col gap-5"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="statusLabel"
            label="Status label"
            placeholder={initial.statusLabel ? undefined : 'Not set'}
            options={labels}
          />
          <FormField id="status-reason" label="Reason" hint="Kept in the history with a new status label">
            <Input
              id="status-reason"
              value={reason}
              maxLength={REASON_MAX}
              autoComplete="off"
              aria-describedby="status-reason-hint"
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
        </div>
        {config.extendedFields.customer.length > 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-semibold text-slate-900">Extended fields</legend>
            <TypedFieldGrid fields={config.extendedFields.customer} prefix="extendedFields" />
          </fieldset>
        )}
        {write.stale && <StaleNotice onReload={write.reload} reloading={write.refreshing} />}
        <FormErrors errors={write.formErrors} title="The changes were not saved" />
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 pt-4">
          <Button variant="outline" onClick={() => onDone(null)} disabled={write.busy}>
            Cancel
          </Button>
          <SubmitButton busy={write.busy} icon={Save} busyLabel="Saving…">
            Save changes
          </SubmitButton>
        </div>
      </form>
    </FormProvider>
  );
}
