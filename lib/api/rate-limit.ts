// Per-org rate limits (requests per minute). Returns the RateLimit-* headers to send; throws ApiError 517.
//
// Why a sliding log: the contract asks for a sliding 60-second window (or a token bucket of the
// same rate). rate-limiter-flexible's own algorithm is a fixed window opened by a key's first
// request; it would let 2x the limit through in a few seconds around a window's end, so it does not
// qualify. We keep the library for its plumbing (ioredis command, Redis-down insurance, result type)
// and give it a sliding log: in Redis through its `customIncrTtlLuaScript` hook (atomic, one round
// trip, shared by every app process), in memory through a compatible limiter (sliding-window.ts).
// Cost: one sorted-set entry per admitted request in the last minute, per org. Exact: at most
// `limit` admissions in any 60 s, and a refusal says when the next admission is possible.
import { RateLimiterRedis, RateLimiterRes, type RateLimiterCompatibleAbstract } from 'rate-limiter-flexible';
import { getOrgConfig } from '@/lib/config/cache';
import { rateLimitOf } from '@/lib/config/types';
import { ApiError } from '@/lib/errors';
import { log } from '@/lib/log';
import { closeSharedRedis, sharedRedis, type SharedRedis } from '@/lib/redis';
import type { Actor } from '@/lib/auth/actor';
import { SLIDING_WINDOW_LUA, SlidingWindowMemory, type SlidingWindowStore } from './sliding-window';

const WINDOW_SECONDS = 60;

type Limiter = RateLimiterRedis | RateLimiterCompatibleAbstract;
interface State {
  /** The connection the limiters below were built on; a new one (after a close) rebuilds them. */
  redis: SharedRedis | null | undefined;
  /** One limiter per limit value; the window of a key is shared by all of them. */
  limiters: Map<number, Limiter>;
  memory: SlidingWindowStore;
  degraded: boolean;
}
const g = globalThis as typeof globalThis & { __memberCareRateLimit?: State };
const state: State = (g.__memberCareRateLimit ??= {
  redis: undefined,
  limiters: new Map(),
  memory: new Map(),
  degraded: false,
});

function onInsuranceUse(): void {
  if (state.degraded) return;
  state.degraded = true;
  log.warn('rate limits: Redis unavailable; counting per process until it returns');
}

function currentRedis(): SharedRedis | null {
  const redis = sharedRedis('rate-limit');
  if (redis !== state.redis) {
    state.redis = redis;
    state.limiters.clear();
    redis?.client.on('ready', () => {
      if (state.degraded) log.info('rate limits: Redis is back; limits are shared again');
      state.degraded = false;
    });
  }
  return redis;
}

function limiterFor(limit: number): Limiter {
  const redis = currentRedis();
  let limiter = state.limiters.get(limit);
  if (limiter) return limiter;
  limiter = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.keyPrefix}:rl`,
        points: limit,
        duration: WINDOW_SECONDS,
        customIncrTtlLuaScript: SLIDING_WINDOW_LUA,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new SlidingWindowMemory(limit, WINDOW_SECONDS, state.memory, onInsuranceUse),
      })
    : new SlidingWindowMemory(limit, WINDOW_SECONDS, state.memory);
  state.limiters.set(limit, limiter);
  return limiter;
}

function headersOf(limit: number, res: RateLimiterRes): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(res.remainingPoints),
    'ratelimit-reset': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
  };
}

/** Counts one request against `key`'s window of `limit` per minute; throws ApiError 517 when full. */
export async function consumeQuota(key: string, limit: number): Promise<Record<string, string>> {
  const limiter = limiterFor(limit);
  if (state.redis) await state.redis.ready;
  try {
    return headersOf(limit, await limiter.consume(key));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const headers = headersOf(limit, rejection);
    throw ApiError.of(517, undefined, { headers: { ...headers, 'retry-after': headers['ratelimit-reset'] ?? '1' } });
  }
}

/** Every authenticated /v2 request of an org counts; null limit (region US) means none. */
export async function consumeRateLimit(actor: Actor): Promise<Record<string, string>> {
  const config = await getOrgConfig(actor.orgId);
  const limit = config ? rateLimitOf(config) : null;
  if (limit === null) return {};
  return consumeQuota(`org:${actor.orgId}`, limit);
}

/** Closes the Redis connection (scripts and tests, so the process can exit). */
export async function closeRateLimitStore(): Promise<void> {
  state.limiters.clear();
  state.redis = undefined;
  await closeSharedRedis();
}
