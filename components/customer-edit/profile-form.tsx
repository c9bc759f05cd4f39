'use client';

import { Save } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { ChannelRows } from '@/components/registration/channel-rows';
import { TextField } from '@/components/registration/fields';
import { FormErrors } from '@/components/registration/form-errors';
import type { RegistrationFormValues } from '@/components/registration/form-values';
import { TypedFieldGrid } from '@/components/registration/typed-field';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { applyServerErrors } from './apply-server-errors';
import { accountQuery, PROFILE_TARGET, toProfileUpdate } from './edit-values';
import { updateResolver } from './resolver';
import { StaleNotice } from './stale-notice';
import { useCustomerWrite, type EditTarget, type WriteWarning } from './use-customer-write';

interface Props extends EditTarget {
  accountLabel: string;
  onDone: (saved: { warnings: WriteWarning[] } | null) => void;
}

/** Names, channels and custom fields of one source account, with the registration form's controls. */
export function ProfileForm({ config, customerId, version, initial, accountLabel, onDone }: Props) {
  const resolver = useMemo(
    () => updateResolver(config, PROFILE_TARGET, (values) => toProfileUpdate(values, initial)),
    [config, initial],
  );
  const form = useForm<RegistrationFormValues>({
    defaultValues: initial,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const write = useCustomerWrite(customerId, version);
  const { setFocus } = form;
  useEffect(() => setFocus('profiles.0.firstName'), [setFocus]);

  async function submit(values: RegistrationFormValues) {
    const update = toProfileUpdate(values, initial);
    if (!update) return onDone(null);
    const outcome = await write.send({
      method: 'PUT',
      path: accountQuery(update.source, update.accountId),
      body: update.body,
    });
    if (!outcome) return;
    if (outcome.ok) return onDone({ warnings: outcome.warnings });
    write.setFormErrors(applyServerErrors(outcome.errors, values, update.index, PROFILE_TARGET, form.setError));
  }

  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label={`Edit profile · ${accountLabel}`}
        className="flex flex-col gap-5"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="profiles.0.firstName" label="First name" />
          <TextField name="profiles.0.lastName" label="Last name" />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Communication channels</legend>
          <ChannelRows />
        </fieldset>
        {config.customFields.length > 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-semibold text-slate-900">Custom fields</legend>
            <TypedFieldGrid fields={config.customFields} prefix="profiles.0.fields" />
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
