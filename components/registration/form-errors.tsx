import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { FormLevelError } from './submit';

/** Problems that belong to no single field; an existing customer gets a link, so nobody registers twice. */
export function FormErrors({ errors }: { errors: FormLevelError[] }) {
  if (!errors.length) return null;
  return (
    <Alert variant="destructive" role="alert" aria-labelledby="form-errors-title">
      <p id="form-errors-title" className="font-semibold">
        The customer was not registered
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
