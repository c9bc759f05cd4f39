'use client';

import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { SCROLL_CLEAR } from '@/components/form/bound-fields';
import { FormField, describedByOf } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { fieldIdOf, useFieldError } from './fields';

const split = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A list of values typed as "Gold, Silver": the text is kept as typed (so a trailing comma does not
 * vanish under the cursor) and the list is what the form holds.
 */
export function EnumValuesField({ index }: { index: number }) {
  const name = `customFields.${index}.enumValues` as const;
  const { control } = useFormContext<SettingsInput>();
  const {
    field: { ref, onBlur, onChange, value },
  } = useController({ control, name });
  const [text, setText] = useState(() => value.join(', '));
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  const hint = 'Separated by commas';
  return (
    <FormField id={id} label="Values" required error={error} hint={hint}>
      <Input
        id={id}
        ref={ref}
        name={name}
        value={text}
        onBlur={onBlur}
        autoComplete="off"
        className={SCROLL_CLEAR}
        aria-invalid={error ? 'true' : undefined}
        aria-required="true"
        aria-describedby={describedByOf(id, error, hint)}
        onChange={(e) => {
          setText(e.target.value);
          onChange(split(e.target.value));
        }}
      />
    </FormField>
  );
}
