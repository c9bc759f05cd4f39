'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { isMultiAccountSource, type Source } from '@/lib/vocabulary';
import { CheckboxField, ListError, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

function SourceAccounts({ index, source }: { index: number; source: Source }) {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: `sources.${index}.accounts` });
  return (
    <div className="flex flex-col gap-2 sm:pl-6">
      {fields.length === 0 && <EmptyNote>No {source} accounts yet.</EmptyNote>}
      {fields.map((field, j) => (
        <Row
          key={field.id}
          label={`${source} account ${j + 1}`}
          removeLabel={`Remove ${source} account ${j + 1}`}
          onRemove={() => remove(j)}
          className="sm:grid-cols-2"
        >
          <TextField name={`sources.${index}.accounts.${j}.accountId`} label="Account ID" required />
          <TextField name={`sources.${index}.accounts.${j}.name`} label="Account name" />
        </Row>
      ))}
      <ListError name={`sources.${index}.accounts`} />
      <AddButton onClick={() => append({ accountId: '', name: '' })}>Add {source} account</AddButton>
    </div>
  );
}

export function SourcesSection() {
  const sources = useWatch<SettingsInput, 'sources'>({ name: 'sources' });
  const indexed = sources.map((s, i) => ({ source: s.source, i }));
  const single = indexed.filter((s) => !isMultiAccountSource(s.source));
  const multi = indexed.filter((s) => isMultiAccountSource(s.source));
  return (
    <SettingsSection
      id="sources"
      title="Sources and accounts"
      description="Registrations from a source that is not enabled are refused (3217); from an account not listed, too (8127)."
    >
      <fieldset className="flex min-w-0 flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-slate-800">Enabled sources</legend>
        <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {single.map(({ source, i }) => (
            <CheckboxField key={source} name={`sources.${i}.enabled`} label={source} />
          ))}
        </div>
      </fieldset>
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Multi-account sources</legend>
        <p className="-mt-2 text-xs text-slate-500">
          Registrations from these name one of the source&apos;s accounts (accountId).
        </p>
        {multi.map(({ source, i }) => (
          <div key={source} className="flex flex-col gap-2 border-t border-slate-100 pt-2">
            <CheckboxField name={`sources.${i}.enabled`} label={source} />
            <SourceAccounts index={i} source={source} />
          </div>
        ))}
      </fieldset>
      <ListError name="sources" />
    </SettingsSection>
  );
}
