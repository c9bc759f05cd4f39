// The caller's address, for counting failed credentials per address (docs/api.md, "Guessing
// credentials"): the socket's, which the server stamps on every request (server.ts), or the
// first X-Forwarded-For hop when TRUST_PROXY=1 says a proxy we trust sets it. A client can always
// forge X-Forwarded-For, and can never set the stamped header: the stamp overwrites it.
import { env } from '@/lib/env';

/** Set on each request by the server from its socket (server.ts); whatever a client sent is replaced. */
export const PEER_HEADER = 'x-member-care-peer';

type HeaderOf = (name: string) => string | null | undefined;

export function addressFrom(header: HeaderOf, trustProxy: boolean): string {
  if (trustProxy) {
    const first = header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  return header(PEER_HEADER)?.trim() || 'unknown';
}

export function clientAddress(header: HeaderOf): string {
  return addressFrom(header, env().TRUST_PROXY === '1');
}
