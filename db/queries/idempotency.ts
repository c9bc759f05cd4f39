import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';

/** Which stored response a key names: the org, the calling client (actorKey) and the key itself. */
export interface IdempotencyScope {
  orgId: number;
  clientKey: string;
  key: string;
}

/** How long a key is kept (docs/api.md#idempotency: 24 hours); older rows count as absent. */
const KEPT = sql`interval '24 hours'`;
const EXPIRED = sql`now() - ${KEPT}`;
/**
 * A claim still without an answer after this was abandoned: its request failed and could not even
 * release it (the database went away, the process died). It may be claimed again, so the client's
 * retry with the key runs instead of answering 409 for a day. Far above any request's run time
 * (statements are bounded by STATEMENT_TIMEOUT_MS).
 */
const ABANDONED_AFTER = sql`interval '2 minutes'`;

function inScope(s: IdempotencyScope) {
  return and(
    eq(idempotencyKeys.orgId, s.orgId),
    eq(idempotencyKeys.clientKey, s.clientKey),
    eq(idempotencyKeys.key, s.key),
  );
}

/**
 * Claims the key for a new request: true when this call inserted the row (or took over an expired
 * or abandoned one), false when another request holds it. One statement, so the claim commits on its own.
 * The row's age is measured against the new row's `created_at` (`excluded`, the insert's now()), not
 * now() itself: Citus refuses a function that is not immutable in `DO UPDATE` and its `WHERE`, and
 * `timestamptz - timestamptz` is immutable where `timestamptz - interval` is not.
 */
export async function claimIdempotencyKey(db: DbOrTx, s: IdempotencyScope, requestHash: string): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...s, requestHash })
    .onConflictDoUpdate({
      target: [idempotencyKeys.orgId, idempotencyKeys.clientKey, idempotencyKeys.key],
      set: { requestHash, responseStatus: null, responseBody: null, createdAt: sql`excluded.created_at` },
      setWhere: or(
        sql`excluded.created_at - ${idempotencyKeys.createdAt} > ${KEPT}`,
        and(
          isNull(idempotencyKeys.responseStatus),
          sql`excluded.created_at - ${idempotencyKeys.createdAt} > ${ABANDONED_AFTER}`,
        ),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(db: DbOrTx, s: IdempotencyScope) {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      responseStatus: idempotencyKeys.responseStatus,
      responseBody: idempotencyKeys.responseBody,
      expired: sql<boolean>`${idempotencyKeys.createdAt} < ${EXPIRED}`,
    })
    .from(idempotencyKeys)
    .where(inScope(s));
  return row ?? null;
}

/** Stores the finished response of the request that holds the claim. */
export async function storeIdempotentResponse(
  db: DbOrTx,
  s: IdempotencyScope,
  requestHash: string,
  response: { status: number; body: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body })
    .where(and(inScope(s), eq(idempotencyKeys.requestHash, requestHash), isNull(idempotencyKeys.responseStatus)));
}

/** Gives up an unfinished claim (the request failed), so a retry with the key can run. */
export async function releaseIdempotencyKey(db: DbOrTx, s: IdempotencyScope, requestHash: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(inScope(s), eq(idempotencyKeys.requestHash, requestHash), isNull(idempotencyKeys.responseStatus)));
}

/** Deletes an org's expired keys; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: DbOrTx, orgId: number): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, orgId), lt(idempotencyKeys.createdAt, EXPIRED)))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
