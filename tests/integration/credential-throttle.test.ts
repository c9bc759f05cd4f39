// The credential throttle across app processes: failures counted by one process refuse the same
// (key, address) pair in another when they share Redis, and Redis holds digests, not the key or the
// address.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '@/lib/auth/credential-throttle';

const run = promisify(execFile);
const WORKER = path.join(import.meta.dirname, 'workers', 'credential-worker.ts');
const REDIS = 'redis://127.0.0.1:6379';

async function worker(env: Record<string, string | undefined>, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('npx', ['tsx', '--conditions=react-server', WORKER, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`the worker printed no report:\n${stdout}`);
  return JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>;
}

describe('credential throttle with several app processes', () => {
  it.each(['till', 'oauth', 'staff'])(
    '%s: failures counted in one process refuse the pair in another, through Redis',
    async (kind) => {
      const prefix = `it-${randomUUID()}`; // keys of its own, whoever else uses this Redis
      const key = `throttle-${randomUUID()}@demo.example`;
      const shared = { REDIS_URL: REDIS, REDIS_KEY_PREFIX: prefix };
      expect(await worker(shared, 'fail', kind, key, '10.1.0.1', String(MAX_FAILURES))).toEqual({
        allowedBefore: true,
        recorded: MAX_FAILURES,
      });

      expect(await worker(shared, 'check', kind, key, '10.1.0.1')).toEqual({
        allowed: false,
        message: expect.stringMatching(/^Too many attempts, try again in 1[45] minutes$/),
      });
      // Another address of the same key is not affected.
      expect(await worker(shared, 'check', kind, key, '10.2.0.2')).toEqual({ allowed: true });
      // A process that does not share Redis has seen none of those failures.
      expect(await worker({ REDIS_URL: undefined, REDIS_KEY_PREFIX: prefix }, 'check', kind, key, '10.1.0.1')).toEqual({
        allowed: true,
      });

      const redis = new Redis(REDIS);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        expect(keys.some((k) => k.startsWith(`${prefix}:guess`))).toBe(true);
        for (const k of keys) {
          expect(k).not.toContain(key);
          expect(k).not.toContain('10.1.0.1');
        }
        await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
    // Four app processes started one after another: slow on a busy machine, not a measure of anything.
    180_000,
  );
});
