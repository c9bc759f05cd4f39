import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { SearchBox } from './search-box';

/** A plain GET form: works before any script loads, and Enter without a suggestion chosen searches. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form
      action="/member-care/ui"
      method="get"
      role="search"
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
