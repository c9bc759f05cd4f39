import { describe, expect, it, vi } from 'vitest';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError } from '@/lib/errors';
import { done, MAX_ATTEMPTS, moved, retryLostRaces, withOrgConfig, type Attempt } from './retry';

const cache = vi.hoisted(() => ({ configs: [] as unknown[], invalidated: 0 }));
vi.mock('@/lib/config/cache', () => ({
  getOrgConfig: async () => cache.configs.shift() ?? null,
  invalidateOrgConfig: () => {
    cache.invalidated++;
  },
}));

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const codeOf = (err: unknown) => (err instanceof ApiError ? err.items[0]?.code : err);

/** Runs attempts answering `outcomes` in turn (an Error is thrown); the number of attempts made. */
async function run(outcomes: (Attempt<string> | Error)[], firstIsGuess = false) {
  let n = 0;
  const result = await retryLostRaces(
    async () => {
      const o = outcomes[n++] ?? done('last');
      if (o instanceof Error) throw o;
      return o;
    },
    { firstIsGuess },
  ).catch((err: unknown) => ({ error: codeOf(err) }));
  return { result, attempts: n };
}

describe('retryLostRaces: the one retry policy of the writes', () => {
  it('tries again after a version conflict, a lost unique race, a deadlock and a serialization failure', async () => {
    expect(await run([moved, pgError('23505'), pgError('40P01'), pgError('40001'), done('ok')], true)).toEqual({
      result: 'ok',
      attempts: 5,
    });
  });
  it(`answers 521 after ${MAX_ATTEMPTS} attempts, or at once when a lock is not had in time`, async () => {
    expect(await run(Array(20).fill(moved), true)).toEqual({ result: { error: 521 }, attempts: MAX_ATTEMPTS });
    expect(await run([pgError('55P03')])).toEqual({ result: { error: 521 }, attempts: 1 });
  });
  it('throws any other error unchanged, after one attempt', async () => {
    const other = pgError('23503');
    expect(await run([other])).toEqual({ result: { error: other }, attempts: 1 });
  });
});

describe('withOrgConfig', () => {
  const a = { orgId: 1 } as OrgConfig;
  const b = { orgId: 1 } as OrgConfig;
  it('runs once more with the configuration read afresh after a foreign-key violation, and only once', async () => {
    cache.configs = [a, b];
    cache.invalidated = 0;
    const seen: OrgConfig[] = [];
    const result = await withOrgConfig(1, async (config) => {
      seen.push(config);
      if (seen.length === 1) throw pgError('23503');
      return 'ok';
    });
    expect({ result, seen, invalidated: cache.invalidated }).toEqual({ result: 'ok', seen: [a, b], invalidated: 1 });

    cache.configs = [a, b];
    await expect(
      withOrgConfig(1, async () => {
        throw pgError('23503');
      }),
    ).rejects.toMatchObject({ code: '23503' });
  });
  it('answers 401 for an org without configuration', async () => {
    cache.configs = [];
    expect(await withOrgConfig(1, async () => 'never').catch(codeOf)).toBe(401);
  });
});
