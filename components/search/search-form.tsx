'use client';

import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SearchBox } from './search-box';

const HOME = '/member-care/ui';

/** The home page's URL for a query, encoded as the plain GET form encodes it ("zubin wad" → ?q=zubin+wad). */
function searchUrlOf(query: string): string {
  const q = query.trim();
  return q ? `${HOME}?${new URLSearchParams({ q })}` : HOME;
}

/**
 * A plain GET form: works before any script loads, and Enter without a suggestion chosen searches.
 * Once the page runs, the search moves the router instead of loading the whole document again: only
 * the results are asked for and rendered, and the box keeps its focus.
 */
export function SearchForm({ query }: { query: string }) {
  const router = useRouter();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const q = new FormData(e.currentTarget).get('q');
    if (typeof q !== 'string') return; // not this form's field: let the browser submit it
    e.preventDefault();
    router.push(searchUrlOf(q));
  }
  return (
    <form
      action={HOME}
      method="get"
      role="search"
      onSubmit={onSubmit}
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
    >
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="q" className="text-sm font-medium text-slate-800">
          Search customers
        </label>
        <SearchBox query={query} />
      </div>
      <Button type="submit" className="sm:mt-6 sm:w-32">
        <Search aria-hidden="true" />
        Search
      </Button>
      <p id="q-hint" className="sr-only">
        Names or the start of a mobile number, email, external id or card number. Suggestions appear while you type.
      </p>
    </form>
  );
}
