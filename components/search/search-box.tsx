'use client';

import { useQuery } from '@tanstack/react-query';
import { Loader2, UserRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { customerUrlOf, usePrefetchCustomer } from './customer-link';
import { fetchSuggestions, MIN_QUERY, type Suggestion } from './suggestions';
import { useDebouncedValue } from './use-debounced-value';

// Long enough that a number typed at speed asks once, short enough that the list is there when the
// clerk looks up (it was 250 ms: a fifth of the way to the counter's 3 s goal before any request).
const DEBOUNCE_MS = 150;

/**
 * The search box as a combobox (the WAI-ARIA list-autocomplete pattern): suggestions while typing,
 * arrow keys move through them, Enter opens the highlighted customer, Escape closes the list. With
 * nothing highlighted, Enter submits the surrounding form: the full result list.
 */
export function SearchBox({ query }: { query: string }) {
  const router = useRouter();
  const [text, setText] = useState(query);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const typed = text.trim();
  const settled = useDebouncedValue(typed, DEBOUNCE_MS);
  const enabled = open && settled.length >= MIN_QUERY;
  const suggestions = useQuery({
    queryKey: ['customer-suggestions', settled],
    queryFn: ({ signal }) => fetchSuggestions(settled, signal),
    enabled,
    staleTime: 30_000,
  });
  const waiting = typed !== settled || suggestions.isFetching;
  const items: Suggestion[] = enabled && typed === settled ? (suggestions.data ?? []) : [];
  const expanded = open && typed.length >= MIN_QUERY && items.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;
  const prefetch = usePrefetchCustomer();
  // The customer Enter would open (the highlighted one, or the only one) is fetched ahead.
  const likelyId = (items[active] ?? (items.length === 1 ? items[0] : undefined))?.id;
  useEffect(() => {
    if (likelyId !== undefined) prefetch(likelyId);
  }, [likelyId, prefetch]);

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  function pick(s: Suggestion) {
    setOpen(false);
    setActive(-1);
    router.push(customerUrlOf(s.id));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : items.length - 1) : (i + step + items.length) % items.length));
    } else if (e.key === 'Enter' && expanded && items[active]) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Enter') {
      // The form searches (results below the box): the suggestions would only cover them.
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Escape' && expanded) {
      // Closes the list; the text stays (a search input would otherwise clear itself).
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  let status = '';
  if (open && typed.length >= MIN_QUERY) {
    if (waiting && !items.length) status = 'Searching…';
    else if (suggestions.isError) status = 'Suggestions are unavailable right now; press Enter to search.';
    else if (!items.length) status = `No customer matches “${typed}”. Press Enter to search all identifiers.`;
    else status = `${items.length} ${items.length === 1 ? 'suggestion' : 'suggestions'}: arrow keys to choose.`;
  }

  return (
    <div className="relative flex flex-col gap-1.5">
      <Input
        id="q"
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby="q-hint"
        value={text}
        placeholder="Name, mobile, email, external id or card number"
        autoComplete="off"
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested customers"
        hidden={!expanded}
        className="absolute left-0 right-0 top-11 z-30 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {items.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keeps focus in the box: a click picks without blurring (and closing) the list first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
            onMouseMove={() => setActive(i)}
            className={cn(
              'flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2 text-sm',
              i === active ? 'bg-indigo-50' : 'hover:bg-slate-50',
            )}
          >
            <UserRound aria-hidden="true" className="size-4 self-center text-slate-500" />
            <span className="font-medium text-slate-900">{s.name}</span>
            <span className="text-slate-600">#{s.id}</span>
            <span className="text-slate-600">{s.identifiers}</span>
            <span className="ml-auto text-xs text-slate-600">{s.sources.join(', ')}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="flex min-h-5 items-center gap-1.5 text-xs text-slate-600">
        {status === 'Searching…' && <Loader2 aria-hidden="true" className="size-3 animate-spin" />}
        {status}
      </p>
    </div>
  );
}
