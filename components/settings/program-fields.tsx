'use client';

import { Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { PROGRAM_TYPES } from '@/lib/vocabulary';
import { BenefitRows } from './benefit-rows';
import { ListError, NumberField, SelectField, TextField } from './fields';
import { AddButton, Row } from './section';

function TierRows({ program }: { program: number }) {
  const { control, getValues } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: `programs.${program}.tiers`, keyName: 'key' });
  const next = () => Math.max(0, ...getValues(`programs.${program}.tiers`).map((t) => t.number ?? 0)) + 1;
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold text-slate-800">Tiers</h4>
      {fields.map((field, j) => (
        <Row
          key={field.key}
          label={`Tier ${j + 1}`}
          removeLabel={`Remove tier ${j + 1}`}
          onRemove={fields.length > 1 ? () => remove(j) : undefined}
          className="sm:grid-cols-[8rem_1fr]"
        >
          <NumberField name={`programs.${program}.tiers.${j}.number`} label="Tier number" required min={1} step={1} />
          <TextField name={`programs.${program}.tiers.${j}.name`} label="Tier name" required />
        </Row>
      ))}
      <ListError name={`programs.${program}.tiers`} />
      <AddButton onClick={() => append({ number: next(), name: '' })}>Add tier</AddButton>
    </div>
  );
}

export function ProgramFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const name = useWatch<SettingsInput, `programs.${number}.name`>({ name: `programs.${index}.name` });
  const type = useWatch<SettingsInput, `programs.${number}.type`>({ name: `programs.${index}.type` });
  const title = name?.trim() || `Program ${index + 1}`;
  return (
    <div
      role="group"
      aria-labelledby={`program-${index}-title`}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4"
    >
      <div className="flex items-center justify-between gap-3">
        <h3 id={`program-${index}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <Button variant="ghost" size="sm" onClick={onRemove}>
          <Trash2 aria-hidden="true" />
          Remove program<span className="sr-only"> {title}</span>
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberField name={`programs.${index}.id`} label="Program ID" required min={1} step={1} />
        <TextField name={`programs.${index}.name`} label="Program name" required />
        <SelectField
          name={`programs.${index}.type`}
          label="Program type"
          required
          options={PROGRAM_TYPES.map((t) => ({ value: t, label: t }))}
        />
        <NumberField
          name={`programs.${index}.referralBonusPoints`}
          label="Referral bonus points"
          min={0}
          step="any"
          hint={type === 'DEFAULT' ? 'Given to the referrer; empty for none' : 'DEFAULT program only: leave empty'}
        />
      </div>
      <TierRows program={index} />
      <BenefitRows program={index} />
    </div>
  );
}
