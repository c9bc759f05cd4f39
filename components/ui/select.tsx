import { ChevronDown } from 'lucide-react';
import type { ComponentProps, KeyboardEvent } from 'react';
import { cn } from './cn';
import { controlClass } from './input';

/**
 * An arrow key on a closed select opens it instead of changing its value: a clerk moving through the
 * form with the arrows must not change the Source, or the type of an identifier, unseen.
 */
function openInsteadOfStepping(e: KeyboardEvent<HTMLSelectElement>) {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.defaultPrevented) return;
  e.preventDefault();
  try {
    e.currentTarget.showPicker();
  } catch {
    // No showPicker (older browsers) or not allowed: the select stays closed, its value unchanged.
  }
}

/**
 * A native select, styled: at a counter it is the fastest to drive by keyboard (type-ahead; the
 * arrows open it, then choose) and it behaves the same on every tablet.
 */
export function Select({ className, children, onKeyDown, ...props }: ComponentProps<'select'>) {
  return (
    <div className="relative w-full">
      <select
        className={cn(controlClass, 'appearance-none pr-9', className)}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          openInsteadOfStepping(e);
        }}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-slate-500"
      />
    </div>
  );
}
