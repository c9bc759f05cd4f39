// GET /v2/customers/search and the home page's search (docs/api.md, "Search"): one query language for
// both. Identifiers match exactly or by prefix (from 4 characters; a mobile with or without +), names
// by word prefix, case- and accent-insensitive ("pri sha" finds Priya Sharma, "Jose" finds José).
import type { DbOrTx } from '@/db/client';
import { findSearchMatches, loadSearchCards, type PrefixRange, type SearchPlan } from '@/db/queries/search';
import { prefixUpperBound, searchWords } from './search-text';
import type { CustomerSearchHit } from './views';

export const SEARCH_LIMIT = { default: 20, max: 50 };
export const MIN_QUERY_LENGTH = 2;
export const MIN_PREFIX_LENGTH = 4;
export const MAX_QUERY_LENGTH = 255;

/**
 * The stored forms a typed value may have: as typed (external ids, card numbers), lowercased
 * (emails), and digits only (mobiles typed with +, spaces or dashes).
 */
export function searchCandidates(query: string): string[] {
  const q = query.trim();
  if (!q) return [];
  const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return [...new Set([q, q.toLowerCase(), digits].filter((v) => v.length > 0))];
}

const rangeOf = (prefix: string): PrefixRange => ({ from: prefix, to: prefixUpperBound(prefix) });

/** What to look for in the indexes: identifier forms, identifier prefixes, name word prefixes. */
export function searchPlanOf(orgId: number, { q, limit }: { q: string; limit: number }): SearchPlan {
  const exact = searchCandidates(q);
  // The most selective word leads the name scan: the longest (the last of equals, often the surname).
  const words = searchWords(q)
    .map((w, i) => ({ w, i }))
    .sort((a, b) => [...b.w].length - [...a.w].length || b.i - a.i)
    .map(({ w }) => rangeOf(w));
  return { orgId, exact, prefixes: [...q].length >= MIN_PREFIX_LENGTH ? exact.map(rangeOf) : [], words, limit };
}

/** Customers of the org matching the query, exact identifier matches first, at most `limit`. */
export async function searchCustomers(
  db: DbOrTx,
  orgId: number,
  { q, limit }: { q: string; limit: number },
): Promise<CustomerSearchHit[]> {
  const matches = await findSearchMatches(db, searchPlanOf(orgId, { q, limit }));
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
