// Identity resolution (docs/api.md#identity-rules-summary), as a pure decision over what the database found.
import type { IdentityMatch } from './types';

export type Resolution =
  | { kind: 'new' }
  | { kind: 'existing'; customerId: number }
  | { kind: 'exists-in-source'; customerId: number }
  | { kind: 'conflict'; customerIds: number[] };

export function resolveIdentity(
  profiles: { source: string; accountId: string }[],
  matches: IdentityMatch[],
): Resolution {
  // 1. A customer the identifiers lead to already has this source account: "already exists".
  for (const p of profiles) {
    const hit = matches.find((m) => m.source === p.source && m.accountId === p.accountId);
    if (hit) return { kind: 'exists-in-source', customerId: hit.customerId };
  }
  const ids = [...new Set(matches.map((m) => m.customerId))].sort((a, b) => a - b);
  // 3. Two or more customers: never merged silently.
  if (ids.length > 1) return { kind: 'conflict', customerIds: ids };
  // 2. One customer in other sources: add the source account. 4. Nobody: a new customer.
  return ids.length === 1 ? { kind: 'existing', customerId: ids[0]! } : { kind: 'new' };
}
