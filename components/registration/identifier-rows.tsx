'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { OrgConfig } from '@/lib/config/types';
import { typeName } from '@/components/customer/format';
import { ListError, SelectField, TextField } from './fields';
import { emptyIdentifierRow, isCardType, type RegistrationFormValues } from './form-values';

/** Card statuses the API knows for card identifiers. */
const CARD_STATUSES = ['ACTIVE', 'INACTIVE', 'EXPIRED'];

function IdentifierRowFields({
  config,
  index,
  locked,
  onRemove,
}: {
  config: OrgConfig;
  index: number;
  locked: boolean;
  onRemove: () => void;
}) {
  const type = useWatch<RegistrationFormValues, `profiles.0.identifiers.${number}.type`>({
    name: `profiles.0.identifiers.${index}.type`,
  });
  const types = locked ? [type] : config.allowedIdentifierTypes;
  const base = `profiles.0.identifiers.${index}` as const;
  return (
    <div
      role="group"
      aria-label={`Identifier ${index + 1}`}
      className="grid items-start gap-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-[12rem_1fr_auto]"
    >
      <SelectField
        name={`${base}.type`}
        label="Identifier type"
        required
        hint={locked ? 'Mandatory for this organisation' : undefined}
        options={types.map((t) => ({
          value: t,
          label: `${typeName(t)}${t === config.primaryIdentifier ? ' (primary)' : ''}`,
        }))}
      />
      <TextField
        name={`${base}.value`}
        label="Identifier value"
        required={locked || type === config.primaryIdentifier}
        inputMode={type === 'mobile' ? 'tel' : type === 'email' ? 'email' : undefined}
      />
      <div className="flex items-end sm:h-full sm:pt-6">
        {!locked && (
          <Button
            variant="ghost"
            size="icon"
            aria-label="Remove identifier"
            title="Remove identifier"
            onClick={onRemove}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        )}
      </div>
      {isCardType(type) && (
        <div className="grid gap-3 sm:col-span-3 sm:grid-cols-3">
          <SelectField
            name={`${base}.seriesId`}
            label="Card series"
            placeholder="No series"
            options={config.cardSeries.map((s) => ({ value: String(s.id), label: `${s.name} (${s.id})` }))}
          />
          <SelectField
            name={`${base}.statusLabel`}
            label="Card status"
            placeholder="Not set"
            options={CARD_STATUSES.map((s) => ({ value: s, label: s }))}
          />
          {config.extendedFields.card.map((f) => (
            <TextField key={f.name} name={`${base}.extendedFields.${f.name}`} label={f.label} required={f.mandatory} />
          ))}
        </div>
      )}
    </div>
  );
}

export function IdentifierRows({ config }: { config: OrgConfig }) {
  const { control } = useFormContext<RegistrationFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'profiles.0.identifiers' });
  const nextType =
    config.allowedIdentifierTypes.find((t) => !fields.some((f) => f.type === t)) ?? config.primaryIdentifier;
  return (
    <div className="flex flex-col gap-3">
      {fields.map((field, index) => (
        <IdentifierRowFields
          key={field.id}
          config={config}
          index={index}
          locked={field.locked}
          onRemove={() => remove(index)}
        />
      ))}
      <ListError name="root.identifiers" />
      <div>
        {/* The new row comes with the next type not yet given (after the mobile, the email): focus goes
            straight to its value, one Tab less per identifier at the counter; Shift+Tab reaches its type. */}
        <Button
          variant="outline"
          size="sm"
          onClick={() =>
            append(emptyIdentifierRow(config, nextType), {
              focusName: `profiles.0.identifiers.${fields.length}.value`,
            })
          }
        >
          <Plus aria-hidden="true" />
          Add identifier
        </Button>
      </div>
    </div>
  );
}
