import type { ReactNode } from 'react';
import { cn } from './cn';
import { Label, RequiredMark } from './label';

interface FormFieldProps {
  id: string;
  label: string;
  required?: boolean;
  /** The message shown under the control; the control itself carries aria-invalid and aria-describedby. */
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}

export const errorIdOf = (id: string) => `${id}-error`;
export const hintIdOf = (id: string) => `${id}-hint`;
/** What a control's aria-describedby points at: its error when it has one, else its hint. */
export const describedByOf = (id: string, error?: string, hint?: string) =>
  error ? errorIdOf(id) : hint ? hintIdOf(id) : undefined;

/** Label, control, hint and error message, wired together by ids. */
export function FormField({ id, label, required, error, hint, className, children }: FormFieldProps) {
  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <Label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </Label>
      {children}
      {hint && !error && (
        <p id={hintIdOf(id)} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={errorIdOf(id)} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-xs font-medium text-red-700">
      {message}
    </p>
  );
}
