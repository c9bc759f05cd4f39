'use client';

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { focusRing } from '@/components/ui/focus';

/**
 * The customer's picture (initials). Focusable, so keyboard users get the same tooltip as a mouse
 * hover: staff read the account id from it when a caller asks for it.
 */
export function ProfileAvatar({ customerId, initials }: { customerId: number; initials: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label="Profile picture"
          className={`flex size-16 shrink-0 cursor-default select-none items-center justify-center rounded-full bg-indigo-100 text-xl font-semibold text-indigo-700 ring-1 ring-indigo-200 ${focusRing}`}
        >
          <span aria-hidden="true">{initials}</span>
        </button>
      </TooltipTrigger>
      <TooltipContent side="bottom">Account ID: {customerId}</TooltipContent>
    </Tooltip>
  );
}
