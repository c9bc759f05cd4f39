'use client';

import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { OrgConfig } from '@/lib/config/types';
import { canonicalSource, isMultiAccountSource } from '@/lib/vocabulary';
import { SelectField, TextField } from './fields';
import { firstAccountOf, type RegistrationFormValues } from './form-values';

/** Where the customer registers (source, and account for multi-account sources) and their name. */
export function PersonSection({ config }: { config: OrgConfig }) {
  const { setValue, getValues } = useFormContext<RegistrationFormValues>();
  const source = useWatch<RegistrationFormValues, 'profiles.0.source'>({ name: 'profiles.0.source' });
  const canonical = canonicalSource(source);
  const multi = canonical !== undefined && isMultiAccountSource(canonical);
  const accounts = config.sources.find((s) => s.source === source)?.accounts ?? [];

  // A new source brings its own accounts: preselect the first rather than keep another source's id.
  useEffect(() => {
    const current = getValues('profiles.0.accountId');
    const known = config.sources.find((s) => s.source === source)?.accounts ?? [];
    if (!known.some((a) => a.accountId === current)) setValue('profiles.0.accountId', firstAccountOf(config, source));
  }, [source, config, getValues, setValue]);

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        name="profiles.0.source"
        label="Source"
        required
        options={config.sources.map((s) => ({ value: s.source, label: s.source }))}
      />
      {multi ? (
        <SelectField
          name="profiles.0.accountId"
          label="Account ID"
          required
          options={accounts.map((a) => ({
            value: a.accountId,
            label: a.name ? `${a.accountId} (${a.name})` : a.accountId,
          }))}
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      <TextField name="profiles.0.firstName" label="First name" />
      <TextField name="profiles.0.lastName" label="Last name" />
    </div>
  );
}
