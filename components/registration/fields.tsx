'use client';

// Form controls bound to react-hook-form by name, each with its label, error and aria wiring.
import { get, useFormContext, useFormState, type FieldPath } from 'react-hook-form';
import type { ComponentProps, ReactNode } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError, FormField, describedByOf } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { RegistrationFormValues } from './form-values';

export type FormName = FieldPath<RegistrationFormValues>;
export interface Option { value: string; label: string }

/** A DOM id for a field name ("profiles.0.firstName" → "f-profiles-0-firstName"). */
export const fieldIdOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState<RegistrationFormValues>();
  const error: unknown = get(errors, name);
  const message = error && typeof error === 'object' && 'message' in error ? error.message : undefined;
  return typeof message === 'string' ? message : undefined;
}

interface BaseProps { name: FormName; label: string; required?: boolean; hint?: string; className?: string }

export function TextField({ name, label, required, hint, className, ...input }: BaseProps & Omit<ComponentProps<'input'>, 'name'>) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <Input id={id} aria-invalid={error ? 'true' : undefined} aria-required={required || undefined}
        aria-describedby={describedByOf(id, error, hint)} {...input} {...register(name)} />
    </FormField>
  );
}

export function SelectField({ name, label, required, hint, className, options, placeholder, children }: BaseProps & {
  options: Option[]; placeholder?: string; children?: ReactNode;
}) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <Select id={id} aria-invalid={error ? 'true' : undefined} aria-required={required || undefined}
        aria-describedby={describedByOf(id, error, hint)} {...register(name)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
      {children}
    </FormField>
  );
}

export function CheckboxField({ name, label }: { name: FormName; label: string }) {
  const { register } = useFormContext<RegistrationFormValues>();
  const id = fieldIdOf(name);
  return (
    <label htmlFor={id} className="flex h-10 items-center gap-2 text-sm text-slate-800">
      <Checkbox id={id} {...register(name)} />
      {label}
    </label>
  );
}

/** A section's own message (e.g. "Add failed, No valid identifiers passed"). */
export function SectionError({ name }: { name: `root.${string}` }) {
  const message = useFieldError(name);
  return <FieldError message={message} />;
}
