// When a write is tried again, in one place, for registration and the changes after it. A write that
// loses to another writer is tried again, and the next attempt sees the winner's rows: a lost race for
// a new unique row (23505), a deadlock (40P01), a serialization failure (40001), or a version conflict
// (the attempt answers `moved`: its guarded write found the customer changed, and wrote nothing).
// And a write refused on a foreign key is tried once more with the org's configuration read afresh.
import { FOREIGN_KEY_VIOLATION, isRetryable, LOCK_NOT_AVAILABLE, pgErrorCode } from '@/db/errors';
import { getOrgConfig, invalidateOrgConfig } from '@/lib/config/cache';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError } from '@/lib/errors';

/** Attempts before a write that keeps losing answers 521. */
export const MAX_ATTEMPTS = 8;
/** The pause before attempt n + 1 is random, up to n × this. */
const BACKOFF_MS = 10;

/** What one attempt of a write came to. */
export type Attempt<T> =
  | { kind: 'done'; value: T }
  /** Another writer changed the customer after it was read: nothing was written. */
  | { kind: 'moved' };

export const done = <T>(value: T): Attempt<T> => ({ kind: 'done', value });
export const moved: Attempt<never> = { kind: 'moved' };

/**
 * Runs `attempt(n)` (n from 1) until it is done. Lost races and version conflicts run it again; after
 * MAX_ATTEMPTS, or when a lock is not had in time (55P03), the answer is 521. Any other error is thrown.
 * When the first attempt was a guess (`firstIsGuess`: it assumed a new customer), its failure is no
 * contention and the second runs at once; later ones back off a little, with jitter.
 */
export async function retryLostRaces<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  { firstIsGuess = false } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      const outcome = await attempt(n);
      if (outcome.kind === 'done') return outcome.value;
    } catch (err) {
      if (pgErrorCode(err) === LOCK_NOT_AVAILABLE) throw ApiError.of(521);
      if (!isRetryable(err)) throw err;
    }
    if (n >= MAX_ATTEMPTS) throw ApiError.of(521);
    if (!(n === 1 && firstIsGuess)) await new Promise((r) => setTimeout(r, Math.random() * BACKOFF_MS * n));
  }
}

/**
 * Runs `run` with the org's cached configuration (no org: 401). Another process may have just removed a
 * status label, card series or tier this process still has cached: the write then fails on a foreign
 * key, and one more run with the configuration read afresh answers the proper error (8086, 8114, 8113).
 */
export async function withOrgConfig<T>(orgId: number, run: (config: OrgConfig) => Promise<T>): Promise<T> {
  for (let fresh = false; ; fresh = true) {
    const config = await getOrgConfig(orgId);
    if (!config) throw ApiError.of(401);
    try {
      return await run(config);
    } catch (err) {
      if (fresh || pgErrorCode(err) !== FOREIGN_KEY_VIOLATION) throw err;
      invalidateOrgConfig(orgId);
    }
  }
}
