import type { ComponentProps } from 'react';
import { cn } from './cn';
import { focusRing } from './focus';

export const controlClass = `h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm
  placeholder:text-slate-400 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500
  aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500 ${focusRing}`;

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(controlClass, className)} {...props} />;
}
