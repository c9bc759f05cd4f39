'use client';

import { countryOptions, type FieldType } from '@/lib/customers/field-values';
import { SelectField, TextField, type FormName, type Option } from './fields';

const BOOLEAN_OPTIONS: Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

interface TypedFieldProps {
  name: FormName;
  label: string;
  dataType: FieldType;
  enumValues: string[];
  mandatory: boolean;
}

/** One custom or extended field, as the control its data type calls for. */
export function TypedField({ name, label, dataType, enumValues, mandatory }: TypedFieldProps) {
  const common = { name, label, required: mandatory };
  const placeholder = mandatory ? 'Choose…' : 'Not set';
  switch (dataType) {
    case 'ENUM':
    case 'STANDARD_ENUM':
    case 'CUSTOM_ENUM':
      return (
        <SelectField {...common} placeholder={placeholder} options={enumValues.map((v) => ({ value: v, label: v }))} />
      );
    case 'BOOLEAN':
      return <SelectField {...common} placeholder={placeholder} options={BOOLEAN_OPTIONS} />;
    case 'COUNTRY':
      return <SelectField {...common} placeholder={placeholder} options={countryOptions()} />;
    case 'DATE':
    case 'DATETIME':
      return <TextField {...common} type="date" />;
    case 'INTEGER':
      return <TextField {...common} type="number" step={1} inputMode="numeric" />;
    case 'DOUBLE':
      return <TextField {...common} type="number" step="any" inputMode="decimal" />;
    case 'LANGUAGE':
      return <TextField {...common} hint="English name or ISO 639-1 code, e.g. Japanese or ja" />;
    case 'CURRENCY':
      return <TextField {...common} hint="ISO 4217 code, e.g. JPY" maxLength={3} />;
    default:
      return <TextField {...common} />;
  }
}

interface TypedFieldGridProps {
  fields: { name: string; label: string; dataType: FieldType; enumValues: string[]; mandatory: boolean }[];
  /** Where the values live in the form: `profiles.0.fields` or `extendedFields`. */
  prefix: 'profiles.0.fields' | 'extendedFields';
}

/** The org's custom or extended fields as a grid of typed controls (registration and the edit forms). */
export function TypedFieldGrid({ fields, prefix }: TypedFieldGridProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {fields.map((f) => (
        <TypedField
          key={f.name}
          name={`${prefix}.${f.name}`}
          label={f.label}
          dataType={f.dataType}
          enumValues={f.enumValues}
          mandatory={f.mandatory}
        />
      ))}
    </div>
  );
}
