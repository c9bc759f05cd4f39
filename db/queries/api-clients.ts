import { and, eq, notLike } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiClients } from '@/db/schema';
import type { ApiClientKind } from '@/lib/vocabulary';

export async function findApiClientByKey(db: DbOrTx, kind: ApiClientKind, key: string) {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.key, key), eq(apiClients.kind, kind), eq(apiClients.active, true)));
  return row ?? null;
}

/**
 * Clients whose stored secret is still a bare HMAC (before slow hashes): the one maintenance query
 * that spans orgs, run by the upgrade step of `npm run db:migrate`.
 */
export async function listLegacySecretHashes(db: DbOrTx) {
  return db
    .select({ orgId: apiClients.orgId, id: apiClients.id, salt: apiClients.secretSalt, hash: apiClients.secretHash })
    .from(apiClients)
    .where(notLike(apiClients.secretHash, 'scrypt%'));
}

/** Replaces a stored secret hash, only if it is still the one read (a concurrent upgrade wins once). */
export async function replaceSecretHash(
  db: DbOrTx,
  row: { orgId: number; id: number; from: string; to: string },
): Promise<boolean> {
  const updated = await db
    .update(apiClients)
    .set({ secretHash: row.to })
    .where(and(eq(apiClients.orgId, row.orgId), eq(apiClients.id, row.id), eq(apiClients.secretHash, row.from)))
    .returning({ id: apiClients.id });
  return updated.length === 1;
}
