import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A plain GET form: works before any script loads, and Enter searches. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form action="/member-care/ui" method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="q" className="text-sm font-medium text-slate-800">
          Search customers
        </label>
        <Input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Mobile, email, external id or card number"
          autoComplete="off"
          autoFocus
          aria-describedby="q-hint"
        />
      </div>
      <Button type="submit" className="sm:w-32">
        <Search aria-hidden="true" />
        Search
      </Button>
      <p id="q-hint" className="sr-only">
        Exact match on a mobile number, email, external id or card number.
      </p>
    </form>
  );
}
