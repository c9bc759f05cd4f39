'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, type ComponentProps } from 'react';

/** A customer's page: the one place the home page's results and suggestions lead to. */
export const customerUrlOf = (id: number) => `/member-care/ui/customer/${id}`;

/**
 * Asks for a customer's page ahead of the click (its data as well as its shell), so opening it
 * shows it without a round trip more. Used on intent only (focus, hover, the one result, the
 * highlighted suggestion): a page of results must not render twenty customer pages on the server.
 */
export function usePrefetchCustomer(): (id: number) => void {
  const router = useRouter();
  return useCallback((id: number) => router.prefetch(customerUrlOf(id), { kind: 'full' }), [router]);
}

/** A link to a customer's page, fetched ahead when it gets focus or the pointer, or at once when `eager`. */
export function CustomerLink({
  customerId,
  eager = false,
  ...props
}: Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { customerId: number; eager?: boolean }) {
  const prefetch = usePrefetchCustomer();
  useEffect(() => {
    if (eager) prefetch(customerId);
  }, [customerId, eager, prefetch]);
  return (
    <Link
      {...props}
      href={customerUrlOf(customerId)}
      prefetch={false}
      onFocus={() => prefetch(customerId)}
      onMouseEnter={() => prefetch(customerId)}
    />
  );
}
