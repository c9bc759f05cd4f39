import type { ComponentProps } from 'react';
import { cn } from './cn';
import { focusRing } from './focus';

export function Checkbox({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      className={cn('size-4 shrink-0 rounded border-slate-300 accent-indigo-600', focusRing, className)}
      {...props}
    />
  );
}
