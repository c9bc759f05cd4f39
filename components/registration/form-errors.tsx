import Link from 'next/link';
import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import type { FormLevelError } from './submit';

/**
 * Problems that belong to no single field; a customer a problem names (an existing registration, the
 * holder of an identifier) gets a link, so nobody registers twice or guesses who holds what.
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
    <Alert variant="destructive" role="alert" aria-labelledby={titleId}>
      <p id={titleId} className="font-semibold">
        {title}
      </p>
      <ul className="flex flex-col gap-1">
        {errors.map((e) => (
          <li key={`${e.code}:${e.message}`}>
            {e.message}
            {e.customerIds.length > 0 && (
              <span className="ml-1">
                {e.customerIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <Link href={`/member-care/ui/customer/${id}`} className="font-medium underline underline-offset-2">
                      Open customer {id}
                    </Link>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
