// The home page's search: customers of one org holding a mobile, email, external id or card number.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { identifiers, sourceAccounts } from '@/db/schema';
import { SEARCHABLE_TYPES } from '@/lib/vocabulary';

export const SEARCH_LIMIT = 25;

export interface CustomerSearchHit {
  customerId: number;
  firstName: string | null;
  lastName: string | null;
  /** What matched, e.g. { type: 'mobile', value: '919876543210' }. */
  matches: { type: string; value: string }[];
  sources: string[];
}

/**
 * The stored forms a typed value may have: as typed (external ids, card numbers), lowercased
 * (emails), and digits only (mobiles typed with +, spaces or dashes). Exact matches only, so the
 * (org_id, value) index answers.
 */
export function searchCandidates(query: string): string[] {
  const q = query.trim();
  if (!q) return [];
  const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return [...new Set([q, q.toLowerCase(), digits].filter((v) => v.length > 0))];
}

export async function searchCustomers(
  db: DbOrTx,
  params: { orgId: number; query: string },
): Promise<CustomerSearchHit[]> {
  const candidates = searchCandidates(params.query);
  if (!candidates.length) return [];
  const matched = await db
    .selectDistinct({ customerId: identifiers.customerId, type: identifiers.type, value: identifiers.value })
    .from(identifiers)
    .where(
      and(
        eq(identifiers.orgId, params.orgId),
        inArray(identifiers.value, candidates),
        inArray(identifiers.type, [...SEARCHABLE_TYPES]),
      ),
    )
    .orderBy(asc(identifiers.customerId))
    .limit(SEARCH_LIMIT * 4);
  const ids = [...new Set(matched.map((m) => m.customerId))].slice(0, SEARCH_LIMIT);
  if (!ids.length) return [];
  const accounts = await db
    .select({
      customerId: sourceAccounts.customerId,
      source: sourceAccounts.source,
      accountId: sourceAccounts.accountId,
      firstName: sourceAccounts.firstName,
      lastName: sourceAccounts.lastName,
    })
    .from(sourceAccounts)
    .where(and(eq(sourceAccounts.orgId, params.orgId), inArray(sourceAccounts.customerId, ids)))
    .orderBy(asc(sourceAccounts.id));
  return ids.map((customerId) => {
    const own = accounts.filter((a) => a.customerId === customerId);
    // The name staff know: the store's own (INSTORE) profile's, else the first one with a name.
    const named =
      own.find((a) => a.source === 'INSTORE' && (a.firstName || a.lastName)) ??
      own.find((a) => a.firstName || a.lastName);
    return {
      customerId,
      firstName: named?.firstName ?? null,
      lastName: named?.lastName ?? null,
      matches: matched.filter((m) => m.customerId === customerId).map(({ type, value }) => ({ type, value })),
      sources: [...new Set(own.map((a) => (a.accountId ? `${a.source} · ${a.accountId}` : a.source)))],
    };
  });
}
