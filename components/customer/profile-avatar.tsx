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
      {/* A picture, so role img; in the tab order so the tooltip opens for keyboard users too. */}
      <TooltipTrigger asChild>
        <span
          role="img"
          aria-label="Profile picture"
          tabIndex={0}
          className={`flex size-16 shrink-0 cursor-default select-none items-center justify-center rounded-full bg-indigo-100 text-xl font-semibold text-indigo-700 ring-1 ring-indigo-200 ${focusRing}`}
        >
          <span aria-hidden="true">{initials}</span>
        </span>
      </TooltipTrigger>
      <TooltipContent side="bottom">Account ID: {customerId}</TooltipContent>
    </Tooltip>
  );
}
