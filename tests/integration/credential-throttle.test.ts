// The sign-in throttle across app processes: failures counted by one process stop sign-in in
// another when they share Redis, and Redis holds digests, not the email or the address.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_EMAIL } from '@/lib/auth/sign-in-throttle';

const run = promisify(execFile);
const WORKER = path.join(import.meta.dirname, 'workers', 'sign-in-worker.ts');
const REDIS = 'redis://127.0.0.1:6379';

async function worker(env: Record<string, string | undefined>, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('npx', ['tsx', WORKER, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`the worker printed no report:\n${stdout}`);
  return JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>;
}

describe('sign-in throttle with several app processes', () => {
  it('failures counted in one process block the email in another, through Redis', async () => {
    const prefix = `it-${randomUUID()}`; // keys of its own, whoever else uses this Redis
    const email = `throttle-${randomUUID()}@demo.example`;
    const shared = { REDIS_URL: REDIS, REDIS_KEY_PREFIX: prefix };
    expect(await worker(shared, 'fail', email, '10.1.0.1', String(MAX_FAILURES_PER_EMAIL))).toEqual({
      allowedBefore: true,
      recorded: MAX_FAILURES_PER_EMAIL,
    });

    expect(await worker(shared, 'check', email, '10.2.0.2')).toEqual({
      allowed: false,
      message: expect.stringMatching(/^Too many attempts, try again in 1[45] minutes$/),
    });
    // A process that does not share Redis has seen none of those failures.
    expect(await worker({ REDIS_URL: undefined, REDIS_KEY_PREFIX: prefix }, 'check', email, '10.2.0.2')).toEqual({
      allowed: true,
    });

    const redis = new Redis(REDIS);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.length).toBeGreaterThanOrEqual(2); // the email's and the address's counts
      for (const key of keys) {
        expect(key).not.toContain(email);
        expect(key).not.toContain('10.1.0.1');
      }
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });
});
