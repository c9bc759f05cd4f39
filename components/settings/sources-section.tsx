'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { isMultiAccountSource, type Source } from '@/lib/customers/vocabulary';
import { CheckboxField, ListError, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

function SourceAccounts({ index, source }: { index: number; source: Source }) {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: `sources.${index}.accounts` });
  return (
    <div className="flex flex-col gap-2 pl-6">
      {fields.length === 0 && <EmptyNote>No {source} accounts yet.</EmptyNote>}
      {fields.map((field, j) => (
        <Row key={field.id} label={`${source} account ${j + 1}`} removeLabel={`Remove ${source} account ${j + 1}`}
          onRemove={() => remove(j)} className="sm:grid-cols-2">
          <TextField name={`sources.${index}.accounts.${j}.accountId`} label="Account ID" required />
          <TextField name={`sources.${index}.accounts.${j}.name`} label="Account name" />
        </Row>
      ))}
      <ListError name={`sources.${index}.accounts`} />
      <AddButton onClick={() => append({ accountId: '', name: '' })}>Add {source} account</AddButton>
    </div>
  );
}

function SourceRow({ index }: { index: number }) {
  const source = useWatch<SettingsInput, `sources.${number}.source`>({ name: `sources.${index}.source` });
  const multi = isMultiAccountSource(source);
  return (
    <div className="flex flex-col gap-2 border-b border-slate-100 pb-3 last:border-b-0 last:pb-0">
      <CheckboxField name={`sources.${index}.enabled`} label={source}
        hint={multi ? 'Multi-account: registrations name one of the accounts below.' : undefined} />
      {multi && <SourceAccounts index={index} source={source} />}
    </div>
  );
}

export function SourcesSection() {
  const sources = useWatch<SettingsInput, 'sources'>({ name: 'sources' });
  return (
    <SettingsSection id="sources" title="Sources and accounts"
      description="Registrations from a source that is not enabled are refused (3217); from an account not listed, too (8127).">
      <div className="flex flex-col gap-3">
        {sources.map((s, i) => <SourceRow key={s.source} index={i} />)}
      </div>
      <ListError name="sources" />
    </SettingsSection>
  );
}
