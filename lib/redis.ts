// Redis connections (REDIS_URL) for the limits that must hold across app processes: the API's
// per-org rate limits and the credential throttle. One connection per use: rate-limiter-flexible
// installs its Lua script on the client under one fixed command name, so limiters with different
// scripts (the rate limits' sliding log, the throttle's counter) must not share a client.
// Opened on first use, kept on globalThis.
import Redis from 'ioredis';
import { env } from '@/lib/env';

export interface SharedRedis {
  client: Redis;
  /** Settles when the connection is up, is refused, or after 1 s: the first requests wait at most that. */
  ready: Promise<void>;
  /** Prefix for every key, so deployments sharing a Redis keep apart (REDIS_KEY_PREFIX). */
  keyPrefix: string;
}

export type RedisUse = 'rate-limit' | 'credentials';
const g = globalThis as typeof globalThis & { __memberCareRedis?: Map<RedisUse, SharedRedis> };
const connections: Map<RedisUse, SharedRedis> = (g.__memberCareRedis ??= new Map());

function connect(url: string, keyPrefix: string): SharedRedis {
  // Fail fast rather than queue: while Redis is away, each limit counts in memory (its insurance).
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 });
  client.on('error', () => {}); // reported by the limits, once, when a request is affected
  const ready = new Promise<void>((resolve) => {
    client.once('ready', () => resolve());
    client.once('error', () => resolve());
    setTimeout(resolve, 1000).unref();
  });
  return { client, ready, keyPrefix };
}

/** The connection for one use, or null when REDIS_URL is not set (everything then counts per process). */
export function sharedRedis(use: RedisUse): SharedRedis | null {
  const { REDIS_URL, REDIS_KEY_PREFIX } = env();
  if (!REDIS_URL) return null;
  let redis = connections.get(use);
  if (!redis) {
    redis = connect(REDIS_URL, REDIS_KEY_PREFIX);
    connections.set(use, redis);
  }
  return redis;
}

/** Closes every connection (scripts and tests, so the process can exit); the next use reopens them. */
export async function closeSharedRedis(): Promise<void> {
  const open = [...connections.values()];
  connections.clear();
  await Promise.all(
    open.map((r) =>
      r.client.quit().then(
        () => undefined,
        () => r.client.disconnect(),
      ),
    ),
  );
}
