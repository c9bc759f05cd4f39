// Guessing credentials (docs/api.md, "Guessing credentials"): failed Basic logins, failed token
// requests and failed staff sign-ins count per (client key, address) pair: till code, OAuth key or
// email, with the caller's address (lib/http/client-address.ts). After MAX_FAILURES within
// WINDOW_SECONDS of the pair's first failure, every further attempt of that pair is refused until
// the window passes, even one with the right password; other keys and addresses are not affected.
// A success clears its own pair's count only.
// Counted in Redis when REDIS_URL is set, so every app process sees the same failures; otherwise, or
// while Redis is away, in this process's memory. Keys are SHA-256 digests: Redis never holds who
// tried, or from where.
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { sharedRedis, type SharedRedis } from '@/lib/redis';

export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

/** Whose credential: a till (Basic), an OAuth client (token request), a staff member (sign-in). */
export type CredentialKind = 'till' | 'oauth' | 'staff';

type Counter = RateLimiterMemory | RateLimiterRedis;
interface State {
  counter: Counter;
  redis: SharedRedis | null;
}
const g = globalThis as typeof globalThis & { __memberCareCredentialThrottle?: State };

async function counter(): Promise<Counter> {
  const redis = sharedRedis('credentials');
  let current = g.__memberCareCredentialThrottle;
  if (!current || current.redis !== redis) {
    const memory = new RateLimiterMemory({ keyPrefix: 'guess', points: MAX_FAILURES, duration: WINDOW_SECONDS });
    current = {
      counter: redis
        ? new RateLimiterRedis({
            storeClient: redis.client,
            keyPrefix: `${redis.keyPrefix}:guess`,
            points: MAX_FAILURES,
            duration: WINDOW_SECONDS,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory,
      redis,
    };
    g.__memberCareCredentialThrottle = current;
  }
  if (redis) await redis.ready;
  return current.counter;
}

export class CredentialThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(throttleMessage(retryAfterMs));
    this.name = 'CredentialThrottledError';
  }

  /** Whole seconds, at least one: the Retry-After header. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.retryAfterMs / 1000));
  }
}

/** What the sign-in form says (the API answers 517 with Retry-After instead). */
export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** One attempt of one (kind, key, address) pair, begun with beginAttempt. */
export interface Attempt {
  readonly pair: string;
  /** Failures of the pair in its window before this attempt. */
  readonly failuresBefore: number;
}

/** Throws CredentialThrottledError when the pair has used up its failures; else the attempt may go on. */
export async function beginAttempt(kind: CredentialKind, key: string, address: string): Promise<Attempt> {
  const pair = createHash('sha256').update(`${kind}\0${key}\0${address}`).digest('base64url');
  const seen = await (await counter()).get(pair);
  const failuresBefore = seen?.consumedPoints ?? 0;
  if (seen && failuresBefore >= MAX_FAILURES) throw new CredentialThrottledError(seen.msBeforeNext);
  return { pair, failuresBefore };
}

export async function attemptFailed(attempt: Attempt): Promise<void> {
  await (await counter()).penalty(attempt.pair, 1);
}

/** A success clears its own pair's failures (and costs nothing when there were none). */
export async function attemptSucceeded(attempt: Attempt): Promise<void> {
  if (attempt.failuresBefore > 0) await (await counter()).delete(attempt.pair);
}
