'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { CUSTOMER_STATUSES, STATUS_NAMES } from '@/lib/vocabulary';
import { ListError, SelectField, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

const STATUS_OPTIONS = CUSTOMER_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }));

function DefaultLabelField() {
  const labels = useWatch<SettingsInput, 'statusLabels'>({ name: 'statusLabels' });
  const names = [...new Set(labels.map((l) => l.name.trim()).filter(Boolean))];
  return (
    <SelectField
      name="defaultStatusLabel"
      label="Default status label"
      placeholder="None (warning 8107)"
      className="max-w-sm"
      hint="Given to new customers registered without a status label."
      options={names.map((n) => ({ value: n, label: n }))}
    />
  );
}

export function StatusLabelsSection() {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'statusLabels', keyName: 'key' });
  return (
    <SettingsSection
      id="status-labels"
      title="Status labels"
      description="Your names for the customer statuses. A label given to customers can be renamed, not removed."
    >
      {fields.length === 0 && <EmptyNote>No status labels.</EmptyNote>}
      {fields.map((field, i) => (
        <Row
          key={field.key}
          label={`Status label ${i + 1}`}
          removeLabel={`Remove status label ${i + 1}`}
          onRemove={() => remove(i)}
          className="sm:grid-cols-2"
        >
          <TextField name={`statusLabels.${i}.name`} label="Label name" required />
          <SelectField name={`statusLabels.${i}.status`} label="Status" required options={STATUS_OPTIONS} />
        </Row>
      ))}
      <ListError name="statusLabels" />
      <AddButton onClick={() => append({ id: null, name: '', status: 'ACTIVE' })}>Add status label</AddButton>
      <DefaultLabelField />
    </SettingsSection>
  );
}
