'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { BenefitSettings, SettingsInput } from '@/lib/config/settings-schema';
import { emptyBenefit } from '@/lib/config/settings-input';
import { BENEFIT_NAMES, BENEFIT_TYPES } from '@/lib/vocabulary';
import { ListError, NumberField, SelectField, TextField } from './fields';
import { AddButton, EmptyNote, Row } from './section';

function BenefitFields({ program, index }: { program: number; index: number }) {
  const base = `programs.${program}.benefits.${index}` as const;
  const type = useWatch<SettingsInput, `programs.${number}.benefits.${number}.type`>({ name: `${base}.type` });
  return (
    <>
      <SelectField
        name={`${base}.type`}
        label="Benefit"
        required
        options={BENEFIT_TYPES.map((t) => ({ value: t, label: BENEFIT_NAMES[t] }))}
      />
      {type === 'points' && <NumberField name={`${base}.amount`} label="Points" required min={0} step="any" />}
      {type === 'alternate_currency' && (
        <>
          <NumberField name={`${base}.amount`} label="Amount" required min={0} step="any" />
          <TextField name={`${base}.currencyIdentifier`} label="Currency identifier" required />
          <TextField name={`${base}.currencyName`} label="Currency name" required />
        </>
      )}
      {type === 'coupon' && (
        <>
          <TextField name={`${base}.couponDescription`} label="Coupon description" required />
          <NumberField name={`${base}.couponValidDays`} label="Valid for (days)" required min={1} step={1} />
          <TextField name={`${base}.couponType`} label="Coupon type" hint="Default PE" />
          <TextField name={`${base}.discountCode`} label="Discount code" hint="Default NO_VALUE" />
        </>
      )}
    </>
  );
}

export function BenefitRows({ program }: { program: number }) {
  const { control } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: `programs.${program}.benefits`, keyName: 'key' });
  const add = (type: BenefitSettings['type']) => append(emptyBenefit(type));
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold text-slate-800">Registration benefits</h4>
      {fields.length === 0 && <EmptyNote>Enrolling gives nothing extra.</EmptyNote>}
      {fields.map((field, j) => (
        <Row
          key={field.key}
          label={`Benefit ${j + 1}`}
          removeLabel={`Remove benefit ${j + 1}`}
          onRemove={() => remove(j)}
          className="sm:grid-cols-2 lg:grid-cols-4"
        >
          <BenefitFields program={program} index={j} />
        </Row>
      ))}
      <ListError name={`programs.${program}.benefits`} />
      <AddButton onClick={() => add('points')}>Add benefit</AddButton>
    </div>
  );
}
