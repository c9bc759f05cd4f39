// Basic authentication as Capillary clients send it: base64(tillCode + ":" + md5hex(password)).
import { createHash } from 'node:crypto';
import { getDb } from '@/db/client';
import { findApiClientByKey } from '@/db/queries/api-clients';
import type { Actor } from '@/lib/api/actor';
import { verifyClientSecret } from './secrets';

const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;
interface Entry {
  actor: Actor | null;
  expires: number;
}
const g = globalThis as typeof globalThis & { __memberCareBasicCache?: Map<string, Entry> };
/** Verified credentials by SHA-256 of the header (never the header itself), for 30 seconds. */
const cache: Map<string, Entry> = (g.__memberCareBasicCache ??= new Map());

export function parseBasic(header: string): { user: string; md5: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), md5: decoded.slice(colon + 1) };
}

export async function authenticateBasic(header: string): Promise<Actor | null> {
  const cacheKey = createHash('sha256').update(header).digest('base64url');
  const now = Date.now();
  const hit = cache.get(cacheKey);
  if (hit && hit.expires > now) return hit.actor;

  const creds = parseBasic(header);
  let actor: Actor | null = null;
  if (creds) {
    const client = await findApiClientByKey(await getDb(), 'TILL', creds.user);
    if (client && verifyClientSecret(creds.md5, client.secretSalt, client.secretHash)) {
      actor = {
        type: 'TILL',
        orgId: client.orgId,
        clientId: client.id,
        code: client.key,
        tillId: client.tillId,
        canWriteCustomers: client.canWriteCustomers,
      };
    }
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(cacheKey, { actor, expires: now + CACHE_MS });
  return actor;
}
