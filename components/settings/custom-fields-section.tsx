'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { CUSTOM_FIELD_TYPES } from '@/lib/vocabulary';
import { EnumValuesField } from './enum-values-field';
import { CheckboxField, ListError, SelectField, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

function CustomFieldRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const type = useWatch<SettingsInput, `customFields.${number}.dataType`>({ name: `customFields.${index}.dataType` });
  const base = `customFields.${index}` as const;
  return (
    <Row
      label={`Custom field ${index + 1}`}
      removeLabel={`Remove custom field ${index + 1}`}
      onRemove={onRemove}
      className="sm:grid-cols-2 lg:grid-cols-[1fr_1fr_9rem_7rem_9rem]"
    >
      <TextField name={`${base}.name`} label="Field name" required />
      <TextField name={`${base}.label`} label="Field label" required />
      <SelectField
        name={`${base}.dataType`}
        label="Data type"
        required
        options={CUSTOM_FIELD_TYPES.map((t) => ({ value: t, label: t }))}
      />
      <CheckboxField name={`${base}.mandatory`} label="Mandatory" className="lg:pt-6" />
      <CheckboxField name={`${base}.atCounter`} label="At the counter" className="lg:pt-6" />
      {type === 'ENUM' && (
        <div className="sm:col-span-full">
          <EnumValuesField index={index} />
        </div>
      )}
    </Row>
  );
}

export function CustomFieldsSection() {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'customFields' });
  return (
    <SettingsSection
      id="custom-fields"
      title="Custom fields"
      description="Fields of each source account (profile `fields` in the API). The name is what the API sends (a-z, 0-9, _); the label is what staff see. Fields at the counter show in the registration form; the rest sit under “More details” (a mandatory field always shows)."
    >
      {fields.length === 0 && <EmptyNote>No custom fields.</EmptyNote>}
      {fields.map((field, i) => (
        <CustomFieldRow key={field.id} index={i} onRemove={() => remove(i)} />
      ))}
      <ListError name="customFields" />
      <AddButton
        onClick={() =>
          append({ name: '', label: '', dataType: 'STRING', enumValues: [], mandatory: false, atCounter: false })
        }
      >
        Add custom field
      </AddButton>
    </SettingsSection>
  );
}
