// GET /v2/customers/search and the home page's search (docs/api.md, "Search"): one query language for
// both. Identifiers match exactly or by prefix (from 4 characters; a mobile with or without +), names
// by word prefix, case- and accent-insensitive ("pri sha" finds Priya Sharma, "Jose" finds José).
// A mobile typed as people say it (no country code, a leading 0) is tried with the org's default
// country code; when nothing matches, names tolerate a typo ("Sawyr" finds Sawyer: the words sharing its start or its end).
import type { DbOrTx } from '@/db/client';
import {
  findSearchMatches,
  findSimilarNames,
  loadSearchCards,
  type PrefixRange,
  type SearchPlan,
  type SimilarNamesPlan,
} from '@/db/queries/search';
import { callingCodeOf } from './identifier-values';
import { prefixUpperBound, searchWords } from './search-text';
import type { CustomerSearchHit } from './views';

export const SEARCH_LIMIT = { default: 20, max: 50 };
export const MIN_QUERY_LENGTH = 2;
export const MIN_PREFIX_LENGTH = 4;
export const MAX_QUERY_LENGTH = 255;

/**
 * The stored forms a typed value may have: as typed (external ids, card numbers), lowercased
 * (emails), digits only (mobiles typed with +, spaces or dashes), without leading zeros ("098…"),
 * and with the org's default country code before them ("9800000003" → "919800000003") unless typed with +.
 */
export function searchCandidates(query: string, defaultCountry: string | null = null): string[] {
  const q = query.trim();
  if (!q) return [];
  const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const local = digits.replace(/^0+/, '');
  const code = callingCodeOf(defaultCountry);
  const national = code && local.length >= MIN_PREFIX_LENGTH && !q.startsWith('+') ? code + local : '';
  return [...new Set([q, q.toLowerCase(), digits, local, national].filter((v) => v.length > 0))];
}

const rangeOf = (prefix: string): PrefixRange => ({ from: prefix, to: prefixUpperBound(prefix) });

/** What to look for in the indexes: identifier forms, identifier prefixes, name word prefixes. */
export function searchPlanOf(orgId: number, { q, limit, defaultCountry }: SearchOptions): SearchPlan {
  const exact = searchCandidates(q, defaultCountry);
  // The most selective word leads the name scan: the longest (the last of equals, often the surname).
  const words = searchWords(q)
    .map((w, i) => ({ w, i }))
    .sort((a, b) => [...b.w].length - [...a.w].length || b.i - a.i)
    .map(({ w }) => rangeOf(w));
  return { orgId, exact, prefixes: [...q].length >= MIN_PREFIX_LENGTH ? exact.map(rangeOf) : [], words, limit };
}

export interface SearchOptions {
  q: string;
  limit: number;
  /** The org's default country (ISO 3166 alpha-2): its calling code is tried before a local number. */
  defaultCountry?: string | null;
}

/** Words of a query that a typo may be forgiven in: 3 letters or more, not a number. */
const FUZZY_MIN_LENGTH = 3;
/** Candidates read per customer wanted: a few near words are two edits away, which the engine lets through. */
const FUZZY_READ_FACTOR = 5;

/**
 * At most one typo between two words (Damerau: a letter changed, added, dropped, or two neighbours
 * swapped), "sawyr" and "sawyer", "nunes" and "nunez"; by code point.
 */
export function withinOneTypo(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  const rest = (p: number, q: number) => x.slice(p).join('') === y.slice(q).join('');
  if (x.length === y.length)
    return rest(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2));
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
}

/**
 * Where a word one typo from `word` must be: a typo touches at most two neighbouring letters, so of a
 * word of n letters the first a or the last b stay intact whenever a + b = n - 1 (a letter changed,
 * dropped or added, or two swapped, at any place). Every word one typo away therefore starts with the
 * first ⌈(n-1)/2⌉ letters or ends with the last ⌊(n-1)/2⌋: two index ranges, the second of reversed
 * words. The shorter the word, the wider the ranges (one letter each for 3 letters).
 */
export function oneTypoRanges(word: string): { prefix: PrefixRange; reversedSuffix: PrefixRange } {
  const letters = [...word];
  const a = Math.max(1, Math.ceil((letters.length - 1) / 2));
  const b = Math.max(1, letters.length - 1 - a);
  return {
    prefix: rangeOf(letters.slice(0, a).join('')),
    reversedSuffix: rangeOf(letters.slice(-b).reverse().join('')),
  };
}

/** What the one-typo search reads: the query's name words, the longest leading, and its two ranges; null: none. */
export function oneTypoPlanOf(orgId: number, { q, limit }: SearchOptions): SimilarNamesPlan | null {
  const words = searchWords(q)
    .filter((w) => [...w].length >= FUZZY_MIN_LENGTH && !/^\d+$/.test(w))
    .sort((a, b) => [...b].length - [...a].length);
  const [lead] = words;
  return lead ? { orgId, words, ...oneTypoRanges(lead), limit: limit * FUZZY_READ_FACTOR } : null;
}

/** Customers whose name has the query's longest word one typo away (the other words as near). */
async function oneTypoAway(db: DbOrTx, orgId: number, options: SearchOptions) {
  const plan = oneTypoPlanOf(orgId, options);
  if (!plan) return [];
  const lead = plan.words[0]!;
  const near = await findSimilarNames(db, plan);
  return near.filter((n) => withinOneTypo(n.word, lead)).map((n) => ({ customerId: n.customerId, rank: 3 }));
}

/**
 * Customers of the org matching the query, exact identifier matches first, at most `limit`. When
 * nothing matches, names one typo away (the longest word leading) instead.
 */
export async function searchCustomers(db: DbOrTx, orgId: number, options: SearchOptions): Promise<CustomerSearchHit[]> {
  const { limit } = options;
  let matches = await findSearchMatches(db, searchPlanOf(orgId, options));
  if (!matches.length) matches = await oneTypoAway(db, orgId, options);
  const ids = [...new Set(matches.sort((a, b) => a.rank - b.rank).map((m) => m.customerId))].slice(0, limit);
  const cards = new Map((await loadSearchCards(db, orgId, ids)).map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const card = cards.get(id);
    if (!card) return [];
    // The name staff know: the store's own (INSTORE) profile's, else the first one with a name.
    const named = card.accounts.find((a) => a.firstName || a.lastName);
    const seen = new Set<string>();
    return [
      {
        id,
        firstName: named?.firstName ?? null,
        lastName: named?.lastName ?? null,
        statusLabel: card.statusLabel,
        sources: [...new Set(card.accounts.map((a) => (a.accountId ? `${a.source} · ${a.accountId}` : a.source)))],
        identifiers: card.identifiers.filter((i) => {
          const key = `${i.type}\u0000${i.value}`;
          return !seen.has(key) && Boolean(seen.add(key));
        }),
      },
    ];
  });
}
