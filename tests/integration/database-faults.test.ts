// A database that goes away (docs/api.md, "When the database goes away"): requests fail fast in the
// envelope (503), a statement timeout frees a pool held by slow queries, and the app serves again by
// itself when the database is back. The app reaches PostgreSQL through a TCP proxy this test cuts;
// the machine's PostgreSQL is never restarted. PostgreSQL only: PGlite is in-process, with no
// connection to lose and no statement timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { GET as health } from '@/app/api/health/route';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { call, uniqueMobile } from './helpers';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { createTestOrg } from './test-org';

const STATEMENT_TIMEOUT_MS = 1500;
// Read on first use of the environment, which comes after this.
process.env.STATEMENT_TIMEOUT_MS = String(STATEMENT_TIMEOUT_MS);
process.env.DB_CONNECT_TIMEOUT_MS = '1000';
process.env.DB_POOL_MAX = '4';

type Reply = { createdId: number | null; warnings: unknown[]; errors?: { status: boolean; code: number }[] };
const UNAVAILABLE = {
  createdId: null,
  warnings: [],
  errors: [{ status: false, code: 503, message: 'The database is not available. Please try again shortly.' }],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(Boolean(process.env.DATABASE_URL))('when the database goes away', () => {
  let proxy: TcpProxy;
  let direct: postgres.Sql;
  let org: { orgId: number; auth: string };

  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL!);
    const { default: connect } = await import('postgres');
    direct = connect(real.toString(), { max: 1, onnotice: () => {} });
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(real);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    process.env.DATABASE_URL = viaProxy.toString();
    org = await createTestOrg();
  });

  afterAll(async () => {
    await direct?.end();
    await proxy?.close();
  });

  const register = (mobile: string) =>
    call<Reply>(POST, {
      body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] },
      headers: { authorization: org.auth },
    });

  it('frees a pool held by slow queries: they end at the statement timeout, and the next request is served', async () => {
    const db = await getDb();
    // Every connection of the pool (DB_POOL_MAX=4) busy with a query that would run ten minutes.
    const slow = Array.from({ length: 4 }, () =>
      db.execute(sql`select pg_sleep(600)`).then(
        () => 'finished',
        (err: unknown) => (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code,
      ),
    );
    await sleep(200);
    const res = await register(uniqueMobile());
    expect(res.status).toBe(200);
    // query_canceled: the statement timeout ended them, not the ten minutes.
    expect(await Promise.all(slow)).toEqual(['57014', '57014', '57014', '57014']);
  });

  it('answers 503 in the envelope while cut, keeps every success it answered and nothing else, and recovers without a restart', async () => {
    org = await createTestOrg(); // its own: only this test's registrations are counted
    const outcomes: { mobile: string; phase: 'before' | 'cut' | 'after'; status: number; body: Reply }[] = [];
    let phase: 'before' | 'cut' | 'after' = 'before';
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const mobile = uniqueMobile();
        const started = phase;
        const res = await register(mobile);
        outcomes.push({ mobile, phase: started, status: res.status, body: res.body });
      }
    };
    const count = (p: typeof phase, status?: number) =>
      outcomes.filter((o) => o.phase === p && (status === undefined || o.status === status)).length;
    const until = async (done: () => boolean) => {
      while (!done()) await sleep(50);
    };

    const workers = Array.from({ length: 4 }, worker);
    await until(() => count('before', 200) >= 20);
    // Answers already under way get 2 s to arrive: a cut that lost a commit's acknowledgment would leave
    // that registration in doubt for any client of any database, and this test counts both sides.
    const cutting = proxy.cut(2000);
    phase = 'cut';
    await cutting;
    await until(() => count('cut') >= 12);
    const checkHealth = () => call(health, { method: 'GET', path: '/api/health' });
    const down = await checkHealth();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'error', database: 'unreachable' });

    proxy.restore();
    // The same process, the same client: it connects again by itself.
    let up = await checkHealth();
    while (up.status !== 200) {
      await sleep(100);
      up = await checkHealth();
    }
    phase = 'after';
    await until(() => count('after', 200) >= 20);
    stop = true;
    await Promise.all(workers);

    // Every failure is the envelope's 503; nothing else (no 500, no driver message).
    for (const o of outcomes.filter((x) => x.status !== 200)) {
      expect(o.status).toBe(503);
      expect(o.body).toEqual(UNAVAILABLE);
    }
    expect(count('cut', 503)).toBeGreaterThanOrEqual(12);
    expect(count('after', 200)).toBeGreaterThanOrEqual(20);

    // Both sides: the customers and mobiles in the database are exactly those the clients saw succeed.
    const succeeded = outcomes.filter((o) => o.status === 200);
    const customers = await direct<{ id: string }[]>`select id from customers where org_id = ${org.orgId}`;
    expect(customers.map((c) => Number(c.id)).sort()).toEqual(succeeded.map((o) => o.body.createdId!).sort());
    const keys = await direct<{ value: string }[]>`
      select value from identity_keys where org_id = ${org.orgId} and type = 'mobile'`;
    expect(keys.map((k) => k.value).sort()).toEqual(succeeded.map((o) => o.mobile).sort());
  });
});
