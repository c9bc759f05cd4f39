'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { ListError, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

export function TillsSection() {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'tills', keyName: 'key' });
  return (
    <SettingsSection
      id="tills"
      title="Tills"
      description="Stores' tills, named by associatedWith. Codes are unique across all organisations, and fixed once saved: API clients sign in with them."
    >
      {fields.length === 0 && <EmptyNote>No tills.</EmptyNote>}
      {fields.map((field, i) => (
        <Row
          key={field.key}
          label={`Till ${i + 1}`}
          removeLabel={`Remove till ${i + 1}`}
          onRemove={() => remove(i)}
          className="sm:grid-cols-2"
        >
          {/* A stored till's code is how its API client signs in: shown, not editable. */}
          <TextField
            name={`tills.${i}.code`}
            label="Till code"
            required
            readOnly={field.id !== null}
            className={field.id !== null ? '[&_input]:bg-slate-100 [&_input]:text-slate-600' : undefined}
          />
          <TextField name={`tills.${i}.name`} label="Till name" required />
        </Row>
      ))}
      <ListError name="tills" />
      <AddButton onClick={() => append({ id: null, code: '', name: '' })}>Add till</AddButton>
    </SettingsSection>
  );
}
