// Per-org rate limits (docs/api.md#rate-limits): the limit, the 429 answer and its headers, what counts, config
// changes, and one limit shared by several app processes through Redis.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { GET as extendedFields } from '@/app/v2/extendedFields/route';
import { getDb } from '@/db/client';
import { loadOrgConfig } from '@/lib/config/load';
import { saveOrgConfig, toSettingsInput } from '@/lib/config/save';
import { basicAuth, BENCH_TILL, call, DEMO_TILL, OTHER_TILL } from './helpers';
import { createTestOrg } from './test-org';

type Envelope = { errors: { status: boolean; code: number; message: string }[] };

const readAs = (authorization: string) =>
  call<Envelope>(extendedFields, { method: 'GET', path: '/v2/extendedFields', headers: { authorization } });

describe('rate limit of org "other" (EMEA, 100 requests per minute)', () => {
  it('admits exactly 100 requests, counting down RateLimit-Remaining, then answers 429 code 517', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await readAs(OTHER_TILL);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('100');
      remaining.push(res.headers.get('ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(Array.from({ length: 100 }, (_, i) => String(99 - i)));

    const refused = await readAs(OTHER_TILL);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      warnings: [],
      errors: [{ status: false, code: 517, message: 'Rate limit exceeded' }],
    });
    expect(refused.headers.get('ratelimit-limit')).toBe('100');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses writes of the same org too, in the create envelope', async () => {
    const res = await call<Envelope & { createdId: null }>(registerCustomer, {
      body: {},
      headers: { authorization: OTHER_TILL },
    });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ createdId: null, errors: [{ code: 517 }] });
  });

  it('still answers 401, not 429, to wrong credentials', async () => {
    const res = await readAs(basicAuth('other.till', 'wrong'));
    expect(res.status).toBe(401);
  });

  it('does not touch other orgs (demo: ASIA1, 600 per minute)', async () => {
    const res = await readAs(DEMO_TILL);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-limit')).toBe('600');
  });
});

describe('limits from the configuration', () => {
  it('sends no RateLimit headers for an org without a limit (bench: US)', async () => {
    const res = await readAs(BENCH_TILL);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-limit')).toBeNull();
  });

  it('applies a saved override to the next request, and does not count 401s', async () => {
    const org = await createTestOrg(); // region US: no limit until the override
    const saveOverride = async (rateLimitOverride: number | null) => {
      const config = await loadOrgConfig(await getDb(), org.orgId);
      if (!config) throw new Error('test org has no configuration');
      const settings = toSettingsInput(config);
      const saved = await saveOrgConfig(
        await getDb(),
        org.orgId,
        { ...settings, rateLimitOverride },
        {
          type: 'STAFF',
          code: 'admin@test.example',
          requestId: `it-rate-limit-${rateLimitOverride}`,
        },
      );
      expect(saved).toMatchObject({ ok: true });
    };
    expect((await readAs(org.auth)).headers.get('ratelimit-limit')).toBeNull(); // cached before the save
    await saveOverride(3);
    const wrongPassword = basicAuth(`${org.code}.till`, 'not-the-password');
    for (let i = 0; i < 5; i++) expect((await readAs(wrongPassword)).status).toBe(401);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await readAs(org.auth)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    await saveOverride(5); // raised: the 3 admitted requests still count in the window
    const raised = await readAs(org.auth);
    expect(raised.status).toBe(200);
    expect(raised.headers.get('ratelimit-limit')).toBe('5');
    expect(raised.headers.get('ratelimit-remaining')).toBe('1');

    await saveOverride(null);
    const unlimited = await readAs(org.auth);
    expect(unlimited.status).toBe(200);
    expect(unlimited.headers.get('ratelimit-limit')).toBeNull();
  });
});

const run = promisify(execFile);
const WORKER = path.join(import.meta.dirname, 'workers', 'rate-limit-worker.ts');
interface WorkerReport {
  admitted: number;
  refused: number;
  firstRefusal: { http: number; code: number; headers: Record<string, string> } | null;
}

async function worker(
  redisUrl: string,
  key: string,
  limit: number,
  attempts: number,
): Promise<{ report: WorkerReport; logLines: string[] }> {
  const { stdout } = await run(
    'npx',
    ['tsx', '--conditions=react-server', WORKER, key, String(limit), String(attempts)],
    {
      env: { ...process.env, REDIS_URL: redisUrl, LOG_LEVEL: 'warn' },
    },
  );
  const lines = stdout.trim().split('\n');
  const report = lines.find((l) => l.startsWith('REPORT '));
  if (!report) throw new Error(`the worker printed no report:\n${stdout}`);
  return {
    report: JSON.parse(report.slice('REPORT '.length)) as WorkerReport,
    logLines: lines.filter((l) => l !== report),
  };
}

describe('several app processes', () => {
  it('share one limit through Redis: two processes admit 100 in all, not 100 each', async () => {
    const key = `it-${randomUUID()}`; // a window of its own, whoever else uses this Redis
    const [a, b] = await Promise.all([
      worker('redis://127.0.0.1:6379', key, 100, 80),
      worker('redis://127.0.0.1:6379', key, 100, 80),
    ]);
    expect(a.report.admitted + b.report.admitted).toBe(100);
    expect(a.report.refused + b.report.refused).toBe(60);
    const refusal = a.report.firstRefusal ?? b.report.firstRefusal;
    expect(refusal).toMatchObject({
      http: 429,
      code: 517,
      headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '0' },
    });
  });

  it('keep limiting in memory when Redis is unreachable, and say so once', async () => {
    const { report, logLines } = await worker('redis://127.0.0.1:1', `it-${randomUUID()}`, 5, 8);
    expect(report).toMatchObject({ admitted: 5, refused: 3 });
    expect(logLines.filter((l) => l.includes('Redis unavailable'))).toHaveLength(1);
  });
});
