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
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes, type RateLimiterCompatibleAbstract } from 'rate-limiter-flexible';
import { getOrgConfig } from '@/lib/config/cache';
import { rateLimitOf } from '@/lib/config/types';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { Actor } from './actor';
import { SLIDING_WINDOW_LUA, SlidingWindowMemory, type SlidingWindowStore } from './sliding-window';

const WINDOW_SECONDS = 60;
const KEY_PREFIX = 'member-care:rl';

type Limiter = RateLimiterRedis | RateLimiterCompatibleAbstract;
interface State {
  redis?: { client: Redis; ready: Promise<void> };
  /** One limiter per limit value; the window of a key is shared by all of them. */
  limiters: Map<number, Limiter>;
  memory: SlidingWindowStore;
  degraded: boolean;
}
const g = globalThis as typeof globalThis & { __memberCareRateLimit?: State };
const state: State = (g.__memberCareRateLimit ??= { limiters: new Map(), memory: new Map(), degraded: false });

function connectRedis(url: string): NonNullable<State['redis']> {
  // Fail fast rather than queue: while Redis is away, requests go to the in-memory insurance.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 });
  client.on('error', () => {}); // reported once, by the insurance, when a request is affected
  client.on('ready', () => {
    if (state.degraded) log.info('rate limits: Redis is back; limits are shared again');
    state.degraded = false;
  });
  // The first requests wait for the connection (at most 1 s) rather than count in memory; a refused
  // connection ends the wait at once, and they go to the insurance.
  const ready = new Promise<void>((resolve) => {
    client.once('ready', () => resolve());
    client.once('error', () => resolve());
    setTimeout(resolve, 1000);
  });
  return { client, ready };
}

function onInsuranceUse(): void {
  if (state.degraded) return;
  state.degraded = true;
  log.warn('rate limits: Redis unavailable; counting per process until it returns');
}

function limiterFor(limit: number): Limiter {
  let limiter = state.limiters.get(limit);
  if (limiter) return limiter;
  const url = env().REDIS_URL;
  if (url) {
    state.redis ??= connectRedis(url);
    limiter = new RateLimiterRedis({
      storeClient: state.redis.client, keyPrefix: KEY_PREFIX, points: limit, duration: WINDOW_SECONDS,
      customIncrTtlLuaScript: SLIDING_WINDOW_LUA, rejectIfRedisNotReady: true,
      insuranceLimiter: new SlidingWindowMemory(limit, WINDOW_SECONDS, state.memory, onInsuranceUse),
    });
  } else {
    limiter = new SlidingWindowMemory(limit, WINDOW_SECONDS, state.memory);
  }
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
  const redis = state.redis;
  state.redis = undefined;
  state.limiters.clear();
  if (redis) await redis.client.quit().catch(() => redis.client.disconnect());
}
