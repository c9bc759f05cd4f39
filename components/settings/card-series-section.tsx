'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { ListError, NumberField, TextField } from './fields';
import { AddButton, EmptyNote, Row, SettingsSection } from './section';

export function CardSeriesSection() {
  const { control, getValues } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'cardSeries', keyName: 'key' });
  const nextId = () => Math.max(0, ...getValues('cardSeries').map((c) => c.id ?? 0)) + 1;
  return (
    <SettingsSection
      id="card-series"
      title="Card series"
      description="Series that card identifiers may name (seriesId)."
    >
      {fields.length === 0 && <EmptyNote>No card series.</EmptyNote>}
      {fields.map((field, i) => (
        <Row
          key={field.key}
          label={`Card series ${i + 1}`}
          removeLabel={`Remove card series ${i + 1}`}
          onRemove={() => remove(i)}
          className="sm:grid-cols-[10rem_1fr]"
        >
          <NumberField name={`cardSeries.${i}.id`} label="Series ID" required min={1} step={1} />
          <TextField name={`cardSeries.${i}.name`} label="Series name" required />
        </Row>
      ))}
      <ListError name="cardSeries" />
      <AddButton onClick={() => append({ id: nextId(), name: '' })}>Add card series</AddButton>
    </SettingsSection>
  );
}
