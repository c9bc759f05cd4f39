// The two stores of the per-org sliding-window rate limit (see rate-limit.ts for why a sliding log).
// Both speak rate-limiter-flexible's protocol: `consume` resolves or rejects with a RateLimiterRes
// whose consumedPoints > points means "refused", msBeforeNext = until the oldest request leaves the
// window (when one more request will be admitted).
import { RateLimiterCompatibleAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Redis side, for RateLimiterRedis's `customIncrTtlLuaScript` (KEYS[1] = key; ARGV = points to
 * consume, window seconds, limit). A sorted set of admission times; refused requests are not logged,
 * so a client hammering a full window gets in again as soon as the oldest admission expires.
 * Time comes from Redis itself, so app servers with skewed clocks still share one window.
 */
export const SLIDING_WINDOW_LUA = `
local key = KEYS[1]
local n = tonumber(ARGV[1])
local window = tonumber(ARGV[2]) * 1000
local limit = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count + n <= limit then
  for i = 1, n do
    redis.call('ZADD', key, now, t[1] .. '.' .. t[2] .. '.' .. (count + i))
  end
  redis.call('PEXPIRE', key, window)
end
-- when refused, wait for the admission whose expiry makes room; else for the oldest one
local idx = 0
if count + n > limit then idx = count + n - limit - 1 end
local at = redis.call('ZRANGE', key, idx, idx, 'WITHSCORES')
local wait = window
if at[2] then wait = tonumber(at[2]) + window - now end
return { count + n, wait }
`;

/** Admission times of one key, oldest first; `head` skips expired ones without shifting the array. */
interface Log {
  times: number[];
  head: number;
}
export type SlidingWindowStore = Map<string, Log>;

function prune(log: Log, cutoff: number): void {
  while (log.head < log.times.length && (log.times[log.head] ?? 0) <= cutoff) log.head++;
  if (log.head > 64 && log.head * 2 > log.times.length) {
    log.times = log.times.slice(log.head);
    log.head = 0;
  }
}

/**
 * The same sliding log in process memory: the store when there is no Redis, and RateLimiterRedis's
 * insurance when Redis fails. One store serves limiters of every limit, so a changed limit applies
 * to the requests already counted.
 */
export class SlidingWindowMemory extends RateLimiterCompatibleAbstract {
  // The base class (plain JS) has accessors here that throw until a store implements them; its types
  // declare them as properties, so they are implemented as such: class fields, defined on the instance
  // (tsconfig's useDefineForClassFields, which Next's compiler follows too), shadow the accessors. No
  // key prefix; it never blocks beyond the window and never delays (the insured limiter copies its own
  // values over these).
  override readonly keyPrefix = '';
  override blockDuration = 0;
  override execEvenly = false;
  private readonly windowMs: number;

  constructor(
    readonly points: number,
    windowSeconds: number,
    private readonly store: SlidingWindowStore,
    private readonly onUse: () => void = () => {},
  ) {
    super();
    this.windowMs = windowSeconds * 1000;
  }

  override consume(key: string | number, points = 1): Promise<RateLimiterRes> {
    this.onUse();
    const now = performance.now();
    const k = String(key);
    const log = this.store.get(k) ?? { times: [], head: 0 };
    prune(log, now - this.windowMs);
    const count = log.times.length - log.head;
    const admitted = count + points <= this.points;
    if (admitted) for (let i = 0; i < points; i++) log.times.push(now);
    if (log.times.length > log.head) this.store.set(k, log);
    else this.store.delete(k);
    const makesRoom = log.times[log.head + (admitted ? 0 : count + points - this.points - 1)];
    const wait = makesRoom === undefined ? this.windowMs : Math.ceil(makesRoom + this.windowMs - now);
    const res = new RateLimiterRes(Math.max(this.points - count - points, 0), wait, count + points, count === 0);
    return admitted ? Promise.resolve(res) : Promise.reject(res);
  }

  override penalty(): Promise<RateLimiterRes> {
    return unsupported();
  }
  override reward(): Promise<RateLimiterRes> {
    return unsupported();
  }
  override get(): Promise<RateLimiterRes | null> {
    return unsupported();
  }
  override set(): Promise<RateLimiterRes> {
    return unsupported();
  }
  override block(): Promise<RateLimiterRes> {
    return unsupported();
  }
  override delete(key: string | number): Promise<boolean> {
    return Promise.resolve(this.store.delete(String(key)));
  }
}

function unsupported(): Promise<never> {
  return Promise.reject(new Error('SlidingWindowMemory supports consume and delete only'));
}
