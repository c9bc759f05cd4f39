// `lastUsedAt` of API clients without a write per request: each process writes a client's time at
// most once a minute (the first use in each minute), in the background; a failed write is only
// logged. The admin sees "last used" to the minute, which is all it is for.
import { getDb } from '@/db/client';
import { touchApiClient } from '@/db/queries/api-clients';
import { log, loggableError } from '@/lib/log';

const EVERY_MS = 60_000;
const MAX_ENTRIES = 10_000;

const g = globalThis as typeof globalThis & { __memberCareLastUsed?: Map<number, number> };
const written: Map<number, number> = (g.__memberCareLastUsed ??= new Map());

/** Records that this client was used now; writes it only when this process has not for a minute. */
export function noteApiClientUsed(client: { orgId: number; id: number }): void {
  const now = Date.now();
  const last = written.get(client.id);
  if (last !== undefined && now - last < EVERY_MS) return;
  if (written.size >= MAX_ENTRIES) written.clear();
  written.set(client.id, now);
  void getDb()
    .then((db) => touchApiClient(db, client.orgId, client.id, new Date(now)))
    .catch((err: unknown) => log.warn({ err: loggableError(err), clientId: client.id }, 'lastUsedAt not written'));
}
