// What the writes after registration share (docs/api.md, "After registration"): the caller and the
// request, the version check, and the attempts with the org's current configuration: a transaction
// under the customer's row lock, or first a read and a write guarded by the version read.
import type { Db, DbOrTx, Tx } from '@/db/client';
import { DEADLOCK, FOREIGN_KEY_VIOLATION, LOCK_NOT_AVAILABLE, SERIALIZATION_FAILURE, pgErrorCode } from '@/db/errors';
import type { HistoryContext } from '@/db/queries/customer-care';
import type { Actor } from '@/lib/auth/actor';
import { getOrgConfig, invalidateOrgConfig } from '@/lib/config/cache';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError, type ApiMessage } from '@/lib/errors';
import { canonicalSource, type Source } from '@/lib/vocabulary';

export interface CareInput {
  actor: Actor;
  customerId: number;
  body: unknown;
  /** ?source= and ?accountId=: the source account the request is about (see targetAccountOf). */
  source: string | null;
  accountId: string | null;
  /** The versions If-Match accepts; null when the request sent none (the write applies). */
  ifMatch: number[] | null;
  requestId: string;
  userContext: Record<string, string> | null;
}

export interface CareSuccess {
  id: number;
  version: number;
  warnings: ApiMessage[];
}

/** The source account named by ?source= (default INSTORE; unknown: 3217) and ?accountId= ("" when absent). */
export function targetAccountOf(input: Pick<CareInput, 'source' | 'accountId'>): { source: Source; accountId: string } {
  const raw = input.source?.trim() || 'INSTORE';
  const source = canonicalSource(raw);
  if (!source) throw ApiError.of(3217);
  return { source, accountId: input.accountId?.trim() ?? '' };
}

/** 412 when If-Match names versions and the customer's current one is not among them. */
export function checkVersion(current: number, ifMatch: number[] | null): void {
  if (ifMatch !== null && !ifMatch.includes(current)) throw ApiError.of(412);
}

export function historyContextOf(input: CareInput): HistoryContext {
  return {
    actorType: input.actor.type,
    actorCode: input.actor.code,
    requestId: input.requestId,
    userContext: input.userContext,
  };
}

const MAX_ATTEMPTS = 5;

/**
 * Validates with the org's configuration (`prepare`), then writes in a transaction. Another process may
 * have just removed a status label or card series this process still has cached: the write then fails on
 * a foreign key, and one more try with the configuration read afresh answers the proper error. A deadlock
 * (two requests claiming the same new identifiers in another order) is tried again; a lock not had in
 * time is 521.
 */
export async function inCareTransaction<P, T>(
  db: Db,
  orgId: number,
  prepare: (config: OrgConfig) => P,
  write: (tx: Tx, config: OrgConfig, prepared: P) => Promise<T>,
): Promise<T> {
  let fresh = false;
  for (let attempt = 1; ; attempt++) {
    const config = await getOrgConfig(orgId);
    if (!config) throw ApiError.of(401);
    const prepared = prepare(config);
    try {
      return await db.transaction((tx) => write(tx, config, prepared));
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === LOCK_NOT_AVAILABLE) throw ApiError.of(521);
      if (code === FOREIGN_KEY_VIOLATION && !fresh) {
        fresh = true;
        invalidateOrgConfig(orgId);
        continue;
      }
      if (code !== DEADLOCK && code !== SERIALIZATION_FAILURE) throw err;
      if (attempt >= MAX_ATTEMPTS) throw ApiError.of(521);
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/**
 * The write of `inCareTransaction`, tried once first without a transaction: `write` then reads and writes
 * in one guarded statement each (a write conditional on the version it read), and answers null when
 * another change came between the two. Most changes meet no other writer and cost two round trips;
 * the others, and a write refused on a foreign key (a configuration this process still has cached),
 * run again in the transaction, under the row lock. `locked` tells `write` which of the two it is in.
 */
export async function optimisticThenLocked<P, T>(
  db: Db,
  orgId: number,
  prepare: (config: OrgConfig) => P,
  write: (db: DbOrTx, config: OrgConfig, prepared: P, locked: boolean) => Promise<T | null>,
): Promise<T> {
  const config = await getOrgConfig(orgId);
  if (!config) throw ApiError.of(401);
  const prepared = prepare(config);
  try {
    const result = await write(db, config, prepared, false);
    if (result !== null) return result;
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === LOCK_NOT_AVAILABLE) throw ApiError.of(521);
    if (code !== FOREIGN_KEY_VIOLATION && code !== DEADLOCK && code !== SERIALIZATION_FAILURE) throw err;
    if (code === FOREIGN_KEY_VIOLATION) invalidateOrgConfig(orgId);
  }
  return inCareTransaction(db, orgId, prepare, async (tx, fresh, again) => {
    const result = await write(tx, fresh, again, true);
    if (result === null) throw new Error('the customer changed under its row lock');
    return result;
  });
}
