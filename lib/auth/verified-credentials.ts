// Credentials already checked against their slow hash (lib/auth/secrets.ts), remembered for a few
// minutes so an API request does not pay scrypt each time. Keyed by a SHA-256 of what the caller
// presented, never the credential itself; an entry holds only for the stored hash it was checked
// against, so a changed secret is checked afresh at once. Whether the client is still active and
// may still write is a separate question, asked of its row (lib/auth/recheck.ts).
// After a rotation with an overlap (POST /v2/apiClients/{id}/rotate) the previous secret is accepted
// until the overlap ends, checked on every request, remembered or not.
import { createHash } from 'node:crypto';
import type { ApiClientRow } from './recheck';
import { verifyClientSecret } from './secrets';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  clientId: number;
  secretHash: string;
  expires: number;
}
const g = globalThis as typeof globalThis & { __memberCareVerified?: Map<string, Entry> };
const verified: Map<string, Entry> = (g.__memberCareVerified ??= new Map());

/** The previous secret's hash while its overlap lasts; null otherwise. */
function previousHashInForce(client: ApiClientRow, now: number): { salt: string; hash: string } | null {
  const { previousSecretHash: hash, previousSecretSalt: salt, previousSecretExpiresAt: until } = client;
  return hash && salt && until && until.getTime() > now ? { salt, hash } : null;
}

/** True when `md5` is the client's secret (or, during an overlap, its previous one). */
export async function verifyClientCredential(client: ApiClientRow, md5: string): Promise<boolean> {
  const digest = createHash('sha256').update(`${client.kind}\0${client.key}\0${md5.toLowerCase()}`).digest('base64url');
  const now = Date.now();
  const previous = previousHashInForce(client, now);
  const hit = verified.get(digest);
  if (hit && hit.expires > now && hit.clientId === client.id) {
    if (hit.secretHash === client.secretHash || hit.secretHash === previous?.hash) return true;
  }
  let matched: string | null = null;
  if (await verifyClientSecret(md5, client.secretSalt, client.secretHash)) matched = client.secretHash;
  else if (previous && (await verifyClientSecret(md5, previous.salt, previous.hash))) matched = previous.hash;
  if (matched === null) return false;
  if (verified.size >= MAX_ENTRIES) verified.clear();
  verified.set(digest, { clientId: client.id, secretHash: matched, expires: now + TTL_MS });
  return true;
}
