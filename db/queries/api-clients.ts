import { and, eq, isNull, lt, notLike, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiClients, tills } from '@/db/schema';
import type { ApiAccess, ApiClientKind } from '@/lib/vocabulary';

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

/** The columns an admin may see of a client: never its secret, salt or hash. */
const listed = {
  id: apiClients.id,
  kind: apiClients.kind,
  key: apiClients.key,
  tillCode: tills.code,
  access: apiClients.access,
  active: apiClients.active,
  createdAt: apiClients.createdAt,
  lastUsedAt: apiClients.lastUsedAt,
};
export type ListedApiClient = {
  id: number;
  kind: ApiClientKind;
  key: string;
  tillCode: string | null;
  access: ApiAccess[];
  active: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const tillOf = and(eq(tills.orgId, apiClients.orgId), eq(tills.id, apiClients.tillId));

export async function listApiClients(db: DbOrTx, orgId: number): Promise<ListedApiClient[]> {
  return db
    .select(listed)
    .from(apiClients)
    .leftJoin(tills, tillOf)
    .where(eq(apiClients.orgId, orgId))
    .orderBy(apiClients.id);
}

/** One client of this org, locked for the change that follows (in a transaction); null when unknown. */
export async function lockApiClient(db: DbOrTx, orgId: number, id: number) {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.orgId, orgId), eq(apiClients.id, id)))
    .for('update');
  return row ?? null;
}

export async function getListedApiClient(db: DbOrTx, orgId: number, id: number): Promise<ListedApiClient | null> {
  const [row] = await db
    .select(listed)
    .from(apiClients)
    .leftJoin(tills, tillOf)
    .where(and(eq(apiClients.orgId, orgId), eq(apiClients.id, id)));
  return row ?? null;
}

/** The org's till with this code, if any (a till added in Settings, waiting for its client). */
export async function findTillByCode(db: DbOrTx, orgId: number, code: string) {
  const [row] = await db
    .select()
    .from(tills)
    .where(and(eq(tills.orgId, orgId), eq(tills.code, code)));
  return row ?? null;
}

export async function insertTillRow(db: DbOrTx, orgId: number, code: string): Promise<number> {
  const [row] = await db.insert(tills).values({ orgId, code, name: code }).returning({ id: tills.id });
  return row!.id;
}

export async function insertApiClient(db: DbOrTx, values: typeof apiClients.$inferInsert): Promise<number> {
  const [row] = await db.insert(apiClients).values(values).returning({ id: apiClients.id });
  return row!.id;
}

export async function updateApiClient(
  db: DbOrTx,
  orgId: number,
  id: number,
  values: Partial<
    Pick<
      typeof apiClients.$inferInsert,
      | 'access'
      | 'active'
      | 'secretSalt'
      | 'secretHash'
      | 'previousSecretSalt'
      | 'previousSecretHash'
      | 'previousSecretExpiresAt'
    >
  >,
): Promise<void> {
  await db
    .update(apiClients)
    .set(values)
    .where(and(eq(apiClients.orgId, orgId), eq(apiClients.id, id)));
}

/** Sampled, never per request (lib/auth/last-used.ts); never moves the time back. */
export async function touchApiClient(db: DbOrTx, orgId: number, id: number, at: Date): Promise<void> {
  await db
    .update(apiClients)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiClients.orgId, orgId),
        eq(apiClients.id, id),
        or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, at)),
      ),
    );
}
