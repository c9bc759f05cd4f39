'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { typeName } from '@/components/customer/format';
import { CHANNEL_TYPES, canonicalChannelType } from '@/lib/vocabulary';
import { CheckboxField, ListError, SelectField, TextField } from './fields';
import { emptyChannelRow, type ChannelRow, type RegistrationFormValues } from './form-values';

const CHANNEL_OPTIONS = CHANNEL_TYPES.map((t) => ({ value: t, label: typeName(t) }));

/**
 * A new channel row, filled from an identifier not yet used as a channel (the mobile or email just
 * typed), primary when it is the first of its type: what the cashier would type anyway.
 */
export function suggestChannel(values: RegistrationFormValues): ChannelRow {
  const { identifiers, commChannels } = values.profiles[0];
  const used = new Set(commChannels.map((c) => `${c.type}:${c.value.trim()}`));
  for (const id of identifiers) {
    const type = canonicalChannelType(id.type);
    if (!type || !id.value.trim() || used.has(`${type}:${id.value.trim()}`)) continue;
    return { ...emptyChannelRow(type), value: id.value.trim(), primary: !commChannels.some((c) => c.type === type) };
  }
  return emptyChannelRow(commChannels.length ? 'email' : 'mobile');
}

export function ChannelRows() {
  const { control, getValues } = useFormContext<RegistrationFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'profiles.0.commChannels' });
  return (
    <div className="flex flex-col gap-3">
      {fields.length === 0 && <p className="text-sm text-slate-500">No channels yet.</p>}
      {fields.map((field, index) => {
        const base = `profiles.0.commChannels.${index}` as const;
        return (
          <div
            key={field.id}
            role="group"
            aria-label={`Channel ${index + 1}`}
            className="grid items-start gap-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-[12rem_1fr_auto]"
          >
            <SelectField name={`${base}.type`} label="Channel type" options={CHANNEL_OPTIONS} />
            <TextField name={`${base}.value`} label="Channel value" />
            <div className="flex items-end sm:h-full sm:pt-6">
              <Button
                variant="ghost"
                size="icon"
                aria-label="Remove channel"
                title="Remove channel"
                onClick={() => remove(index)}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
            <div className="flex flex-wrap gap-x-6 sm:col-span-3">
              <CheckboxField name={`${base}.primary`} label="Primary" />
              <CheckboxField name={`${base}.verified`} label="Verified" />
              <CheckboxField name={`${base}.subscribed`} label="Subscribed" />
            </div>
          </div>
        );
      })}
      <ListError name="root.channels" />
      <div>
        <Button variant="outline" size="sm" onClick={() => append(suggestChannel(getValues()))}>
          <Plus aria-hidden="true" />
          Add channel
        </Button>
      </div>
    </div>
  );
}
