import { SearchX, UserRound } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus';
import { CustomerLink } from './customer-link';

export interface SearchResultRow {
  customerId: number;
  name: string;
  /** "mobile: 919876543210" */
  matches: string[];
  sources: string[];
}

export function SearchResults({ query, hits }: { query: string; hits: SearchResultRow[] }) {
  if (!hits.length) {
    return (
      <section
        aria-labelledby="no-results-heading"
        className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center"
      >
        <SearchX aria-hidden="true" className="size-8 text-slate-400" />
        <h2 id="no-results-heading" className="font-medium text-slate-900">
          No customer found for “{query}”
        </h2>
        <p className="text-sm text-slate-500">
          Check the number or email, or register them now: what you typed is carried over.
        </p>
        <Link
          href={`/member-care/ui/register?q=${encodeURIComponent(query)}`}
          className={buttonVariants({ variant: 'outline' })}
        >
          Register customer
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="mb-3 text-sm font-medium text-slate-600">
        {hits.length} {hits.length === 1 ? 'customer' : 'customers'} found
      </h2>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
        {hits.map((hit) => (
          <li key={hit.customerId}>
            <CustomerLink
              customerId={hit.customerId}
              // One customer found is the one the clerk opens next.
              eager={hits.length === 1}
              className={`flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 ${focusRing}`}
            >
              <UserRound aria-hidden="true" className="size-5 text-slate-400" />
              <span className="min-w-40 font-medium text-indigo-700">{hit.name}</span>
              <span className="text-sm text-slate-500">#{hit.customerId}</span>
              <span className="text-sm text-slate-600">{hit.matches.join(', ')}</span>
              <span className="ml-auto flex flex-wrap gap-1">
                {hit.sources.map((s) => (
                  <Badge key={s} variant="neutral">
                    {s}
                  </Badge>
                ))}
              </span>
            </CustomerLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
