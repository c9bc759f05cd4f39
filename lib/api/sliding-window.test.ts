import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { SlidingWindowMemory, type SlidingWindowStore } from './sliding-window';

describe('SlidingWindowMemory', () => {
  it('stands in for the base class accessors, and a Redis limiter takes it as its insurance', async () => {
    const store: SlidingWindowStore = new Map();
    let used = 0;
    const memory = new SlidingWindowMemory(2, 60, store, () => used++);
    expect([memory.keyPrefix, memory.blockDuration, memory.execEvenly]).toEqual(['', 0, false]);
    // A Redis that is not ready: the limiter copies its blockDuration and execEvenly onto the
    // insurance (through the setters the base class would throw from), then counts in memory.
    const limiter = new RateLimiterRedis({
      storeClient: { status: 'connecting' },
      points: 2,
      duration: 60,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
    await expect(limiter.consume('org:1')).resolves.toBeInstanceOf(RateLimiterRes);
    await expect(limiter.consume('org:1')).resolves.toBeInstanceOf(RateLimiterRes);
    await expect(limiter.consume('org:1')).rejects.toMatchObject({ consumedPoints: 3, remainingPoints: 0 });
    expect(used).toBe(3);
    expect(memory.blockDuration).toBe(0);
  });

  it('keeps its fields as fields in every compiler: Next compiles with [[Set]] semantics unless the tsconfig says not', () => {
    // With assignments instead, the constructor would call the base class's throwing setters.
    const tsconfig = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.useDefineForClassFields).toBe(true);
  });
});
