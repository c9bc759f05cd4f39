'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId } from 'react';
import { z } from 'zod';
import { callApi } from '@/components/form/api-request';
import { customerDisplayName } from '@/components/customer/display-name';
import { Alert } from '@/components/ui/alert';
import type { FormLevelError } from './submit';

/** Marks the banner, so a form can bring it into view and focus it after a failed submit. */
export const FORM_ERRORS_ATTRIBUTE = 'data-form-errors';

const NamesSchema = z.object({
  profiles: z.array(z.object({ firstName: z.string().nullish(), lastName: z.string().nullish() })),
});

/** "Priya Raman, #100000005": the customer a problem names, read with the clerk's session. */
function CustomerNamed({ id }: { id: number }) {
  const names = useQuery({
    queryKey: ['customer-name', id],
    queryFn: async ({ signal }) => {
      const result = await callApi({ method: 'GET', url: `/v2/customers/${id}`, signal }, NamesSchema);
      return result.ok ? customerDisplayName(id, result.data.profiles) : null;
    },
    staleTime: 60_000,
  });
  const name = names.data && !/^Customer \d+$/.test(names.data) ? `${names.data}, ` : '';
  return (
    <span className="font-medium">
      {name}#{id}
    </span>
  );
}

/**
 * Problems that belong to no single field; a customer a problem names (an existing registration, the
 * holder of an identifier) is named, with a link, so nobody registers twice or guesses who holds what.
 */
export function FormErrors({
  errors,
  title = 'The customer was not registered',
}: {
  errors: FormLevelError[];
  title?: string;
}) {
  const titleId = useId();
  if (!errors.length) return null;
  return (
    <Alert
      variant="destructive"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="scroll-mt-24 scroll-mb-24 focus:outline-2 focus:outline-red-600"
      {...{ [FORM_ERRORS_ATTRIBUTE]: '' }}
    >
      <p id={titleId} className="font-semibold">
        {title}
      </p>
      <ul className="flex flex-col gap-1">
        {errors.map((e) => (
          <li key={`${e.code}:${e.message}`}>
            {e.message}
            {e.customerIds.map((id) => (
              <span key={id} className="mt-1 flex flex-wrap items-center gap-x-2">
                <CustomerNamed id={id} />
                <Link href={`/member-care/ui/customer/${id}`} className="font-medium underline underline-offset-2">
                  Open customer
                </Link>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * After a failed submit: the banner when there is one (it says why and names who), else the first
 * control in error, is scrolled to the middle of the screen (clear of the sticky header and footer)
 * and focused. Runs after the errors have rendered.
 */
export function revealFirstProblem(form: HTMLElement | null) {
  if (!form) return;
  const target =
    form.querySelector<HTMLElement>(`[${FORM_ERRORS_ATTRIBUTE}]`) ??
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  // A field under "More details" is opened first: a problem is never left folded away.
  const folded = target.closest('details');
  if (folded && !folded.open) folded.open = true;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
