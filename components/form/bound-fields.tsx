'use client';

// Controls bound to the surrounding react-hook-form by name, each with its visible label, hint,
// error and aria wiring. Both forms (registration, settings) use these, typed to their own names:
// `export const TextField = bound.TextField<MyName>`.
import type { ComponentProps, ReactNode } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError, FormField, describedByOf, errorIdOf, hintIdOf } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

export interface Option {
  value: string;
  label: string;
}

/** A DOM id for a field name ("profiles.0.firstName" → "f-profiles-0-firstName"). */
export const fieldIdOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The message at a name. A list's own problem sits at the name itself or at `.root`, depending on
 * whether it came from the resolver or from the server: both are read.
 */
export function useFieldError(name: string): string | undefined {
  // Subscribed to this name only: a page of ~200 controls must not all re-render on each change.
  const { errors } = useFormState({ name });
  const at: unknown = get(errors, name);
  for (const node of [at, get(at, 'root')]) {
    const message: unknown = node && typeof node === 'object' && 'message' in node ? node.message : undefined;
    if (typeof message === 'string' && message) return message;
  }
  return undefined;
}

/**
 * Focus (first error, new row) scrolls a control clear of the sticky header and of a save bar
 * that may be showing a several-line outcome: more than the page's own scroll padding.
 */
export const SCROLL_CLEAR = 'scroll-mt-24 scroll-mb-48';

const invalid = (error: string | undefined) => (error ? 'true' : undefined);

interface BaseProps<N extends string> {
  name: N;
  label: string;
  required?: boolean;
  hint?: string;
  className?: string;
}

export function TextField<N extends string>({
  name,
  label,
  required,
  hint,
  className,
  ...input
}: BaseProps<N> & Omit<ComponentProps<'input'>, 'name'>) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <Input
        id={id}
        aria-invalid={invalid(error)}
        aria-required={required || undefined}
        className={SCROLL_CLEAR}
        aria-describedby={describedByOf(id, error, hint)}
        autoComplete="off"
        {...input}
        {...register(name)}
      />
    </FormField>
  );
}

/** A number input whose value is a number, or null when empty (the schema says which is allowed). */
export function NumberField<N extends string>({
  name,
  label,
  required,
  hint,
  className,
  ...input
}: BaseProps<N> & Omit<ComponentProps<'input'>, 'name' | 'type'>) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  const field = register(name, {
    setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)),
  });
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        className={SCROLL_CLEAR}
        aria-invalid={invalid(error)}
        aria-required={required || undefined}
        aria-describedby={describedByOf(id, error, hint)}
        {...input}
        {...field}
      />
    </FormField>
  );
}

export function SelectField<N extends string>({
  name,
  label,
  required,
  hint,
  className,
  options,
  placeholder,
}: BaseProps<N> & {
  options: Option[];
  placeholder?: string;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <Select
        id={id}
        className={SCROLL_CLEAR}
        aria-invalid={invalid(error)}
        aria-required={required || undefined}
        aria-describedby={describedByOf(id, error, hint)}
        {...register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

export function CheckboxField<N extends string>({
  name,
  label,
  hint,
  className,
}: {
  name: N;
  label: string;
  hint?: string;
  className?: string;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
        <Checkbox
          id={id}
          className={SCROLL_CLEAR}
          aria-invalid={invalid(error)}
          aria-describedby={describedByOf(id, error, hint)}
          {...register(name)}
        />
        {label}
      </label>
      {hint && !error && (
        <p id={hintIdOf(id)} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={errorIdOf(id)} message={error} />
    </div>
  );
}

/** A list's, group's or section's own problem ("Enable at least one source"). */
export function ListError({ name }: { name: string }) {
  return <FieldError id={errorIdOf(fieldIdOf(name))} message={useFieldError(name)} />;
}

/** A fieldset whose legend names its checkboxes, for screen readers and eyes alike. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  children: ReactNode;
}) {
  const error = useFieldError(name);
  const id = fieldIdOf(name);
  return (
    <fieldset
      aria-describedby={describedByOf(id, error, hint)}
      aria-invalid={invalid(error)}
      className="flex min-w-0 flex-col gap-2"
    >
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintIdOf(id)} className="-mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-3 lg:grid-cols-5">{children}</div>
      <FieldError id={errorIdOf(id)} message={error} />
    </fieldset>
  );
}
