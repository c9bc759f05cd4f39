'use client';

import { useFormContext } from 'react-hook-form';
import { typeName } from '@/components/customer/format';
import { Checkbox } from '@/components/ui/checkbox';
import type { SettingsInput } from '@/lib/config/settings-schema';
import {
  ALWAYS_UNIQUE_TYPES,
  IDENTIFIER_TYPES,
  MANDATORY_IDENTIFIER_TYPES,
  type IdentifierType,
} from '@/lib/vocabulary';
import { CheckboxGroup, fieldIdOf, SelectField } from './fields';
import { SettingsSection } from './section';

type ListName = 'allowedIdentifierTypes' | 'mandatoryIdentifierTypes' | 'uniqueIdentifierTypes';

function TypeCheckbox({ name, type, locked }: { name: ListName; type: IdentifierType; locked?: boolean }) {
  const { register } = useFormContext<SettingsInput>();
  const id = fieldIdOf(`${name}-${type}`);
  return (
    <label htmlFor={id} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
      {/* Always-unique types are shown, not sent: the server adds them whatever the form says. */}
      {locked ? <Checkbox id={id} checked disabled readOnly /> : <Checkbox id={id} value={type} {...register(name)} />}
      {typeName(type)}
    </label>
  );
}

export function IdentifiersSection() {
  return (
    <SettingsSection
      id="identifiers"
      title="Identifiers"
      description="Which identifiers customers can be registered with, and how they are checked."
    >
      <SelectField
        name="primaryIdentifier"
        label="Primary identifier"
        className="max-w-xs"
        hint="An invalid primary identifier rejects the registration (8014); other invalid identifiers are dropped."
        options={IDENTIFIER_TYPES.map((t) => ({ value: t, label: typeName(t) }))}
      />
      <CheckboxGroup name="allowedIdentifierTypes" legend="Allowed identifier types">
        {IDENTIFIER_TYPES.map((t) => (
          <TypeCheckbox key={t} name="allowedIdentifierTypes" type={t} />
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        name="mandatoryIdentifierTypes"
        legend="Mandatory identifier types"
        hint="Registrations without them are refused (1006, 1039, 1043)."
      >
        {MANDATORY_IDENTIFIER_TYPES.map((t) => (
          <TypeCheckbox key={t} name="mandatoryIdentifierTypes" type={t} />
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        name="uniqueIdentifierTypes"
        legend="Unique identifier types"
        hint="A unique identifier belongs to one customer only. Mobile, external ID and card number always are."
      >
        {IDENTIFIER_TYPES.map((t) => (
          <TypeCheckbox key={t} name="uniqueIdentifierTypes" type={t} locked={ALWAYS_UNIQUE_TYPES.includes(t)} />
        ))}
      </CheckboxGroup>
    </SettingsSection>
  );
}
