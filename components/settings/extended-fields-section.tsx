'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { CheckboxField, fieldIdOf, ListError, TextField } from './fields';
import { EmptyNote, SettingsSection } from './section';

/** What the platform says about an extended field (read-only here; `label` is the catalogue's). */
export interface ExtendedFieldInfo {
  id: number;
  name: string;
  label: string;
  dataType: string;
  scope: 'Customer' | 'Card';
}

export function ExtendedFieldsSection({ catalogue }: { catalogue: ExtendedFieldInfo[] }) {
  const { control, register } = useFormContext<SettingsInput>();
  // Rows are never added or removed here: the org's verticals decide which fields exist.
  const { fields } = useFieldArray({ control, name: 'extendedFields', keyName: 'key' });
  const infoOf = new Map(catalogue.map((f) => [f.id, f]));
  return (
    <SettingsSection
      id="extended-fields"
      title="Extended fields"
      description="Which fields exist comes from your organisation's verticals (platform data). Tick the ones every registration must carry (91016), give a field your own label (empty: the platform's), and choose which show at the counter; the rest sit under “More details” in the registration form (a mandatory field always shows)."
    >
      {fields.length === 0 ? (
        <EmptyNote>Your verticals enable no extended fields.</EmptyNote>
      ) : (
        <fieldset className="flex min-w-0 flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">
            Mandatory extended fields, their labels and the counter
          </legend>
          <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {fields.map((field, i) => {
              const info = infoOf.get(field.id);
              const id = fieldIdOf(`extendedFields.${i}.mandatory`);
              return (
                <div key={field.key} className="flex flex-col gap-1 rounded-md px-1 py-1.5 hover:bg-slate-50">
                  <div className="flex items-start gap-2">
                    <Checkbox
                      id={id}
                      className="mt-0.5"
                      aria-describedby={`${id}-about`}
                      {...register(`extendedFields.${i}.mandatory`)}
                    />
                    <div className="min-w-0">
                      <label htmlFor={id} className="block text-sm text-slate-900">
                        {info?.label ?? `Field ${field.id}`}
                      </label>
                      <p id={`${id}-about`} className="text-xs text-slate-500">
                        {info?.name} · {info?.dataType.toLowerCase()} · {info?.scope}
                      </p>
                    </div>
                  </div>
                  <TextField
                    name={`extendedFields.${i}.label`}
                    label={`Label for ${info?.label ?? `field ${field.id}`}`}
                    placeholder={info?.label}
                    maxLength={100}
                  />
                  <CheckboxField
                    name={`extendedFields.${i}.atCounter`}
                    label={`${info?.label ?? `Field ${field.id}`} at the counter`}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      <ListError name="extendedFields" />
    </SettingsSection>
  );
}
