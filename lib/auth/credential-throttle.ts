// Sign-in throttling: failed attempts per email and per client IP. Counted in Redis when REDIS_URL
// is set, so every app process sees the same failures; otherwise, or while Redis is away, in this
// process's memory. Successful sign-ins do not count; a success clears the email's failures.
// Keys are SHA-256 digests: Redis never holds who tried to sign in, or from where.
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { sharedRedis, type SharedRedis } from '@/lib/redis';

const WINDOW_SECONDS = 15 * 60;
/** Failures per email: low, as guessing one account's password is the attack to stop. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures per IP: higher, because a store's tills share one address. */
export const MAX_FAILURES_PER_IP = 20;

type Limiter = RateLimiterMemory | RateLimiterRedis;
interface Limiters {
  email: Limiter;
  ip: Limiter;
  redis: SharedRedis | null;
}
const g = globalThis as typeof globalThis & { __memberCareSignInLimiters?: Limiters };

function limiter(redis: SharedRedis | null, name: string, points: number): Limiter {
  const memory = new RateLimiterMemory({ keyPrefix: `signin-${name}`, points, duration: WINDOW_SECONDS });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: `${redis.keyPrefix}:signin-${name}`,
    points,
    duration: WINDOW_SECONDS,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

async function limiters(): Promise<Limiters> {
  const redis = sharedRedis('sign-in');
  let current = g.__memberCareSignInLimiters;
  if (!current || current.redis !== redis) {
    current = {
      email: limiter(redis, 'email', MAX_FAILURES_PER_EMAIL),
      ip: limiter(redis, 'ip', MAX_FAILURES_PER_IP),
      redis,
    };
    g.__memberCareSignInLimiters = current;
  }
  if (redis) await redis.ready;
  return current;
}

const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(throttleMessage(retryAfterMs));
    this.name = 'SignInThrottledError';
  }
}

export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Throws SignInThrottledError when the email or the IP has used up its failures. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const { email: byEmailLimiter, ip: byIpLimiter } = await limiters();
  const [byEmail, byIp] = await Promise.all([byEmailLimiter.get(keyOf(email)), byIpLimiter.get(keyOf(ip))]);
  const blocked = [
    byEmail && byEmail.consumedPoints >= MAX_FAILURES_PER_EMAIL ? byEmail.msBeforeNext : 0,
    byIp && byIp.consumedPoints >= MAX_FAILURES_PER_IP ? byIp.msBeforeNext : 0,
  ];
  const wait = Math.max(...blocked);
  if (wait > 0) throw new SignInThrottledError(wait);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const { email: byEmail, ip: byIp } = await limiters();
  await Promise.all([byEmail.penalty(keyOf(email), 1), byIp.penalty(keyOf(ip), 1)]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await (await limiters()).email.delete(keyOf(email));
}
