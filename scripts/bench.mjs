#!/usr/bin/env node
// npm run bench — the production server on PostgreSQL under registration load (org `bench`).
// Builds, starts `next start` on a fresh database, warms up, then loads POST /v2/customers with a
// new customer per request and prints registrations/s, p50, p99 and errors as one JSON line.
// usage: npm run bench [-- --connections 32 --seconds 15 --preload 1000000 --probes]
//   --preload N   insert N customers first (the "million customers already there" case)
//   --probes      first run the floors of ../shared/bench/run-probes.sh (raw SQL, bare Next.js), same run
// env:   DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres): the server to create the db on
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';

const { values: opt } = parseArgs({
  options: {
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '15' },
    preload: { type: 'string', default: '0' },
    port: { type: 'string', default: '3300' },
    probes: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const base = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const dbName = `bench_${process.pid}_${Date.now()}`;
const url = new URL(base);
url.pathname = `/${dbName}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  NEXT_DIST_DIR: '.next-bench',
  NODE_ENV: 'production',
  AUTH_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
};
const admin = postgres(base, { max: 1, onnotice: () => {} });
let server;

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function cleanup() {
  if (server && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
}

async function preload(n) {
  if (n <= 0) return;
  console.error(`# preloading ${n} customers`);
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [{ id: org }] = await sql`select id from orgs where code = 'bench'`;
  // The same rows a registration writes (customer, INSTORE account, mobile + email, keys), in bulk.
  await sql.unsafe(`
    create temp table pre as select g, '80' || lpad(g::text, 10, '0') as mobile, 'p' || g || '@example.com' as email
      from generate_series(1, ${n}) g;
    insert into customers (org_id, referral_code, created_by_type, created_by_code)
      select ${org}, 'PRE' || g, 'TILL', 'bench.till' from pre;
    create temp table ids as select c.id, p.* from customers c join pre p on c.referral_code = 'PRE' || p.g where c.org_id = ${org};
    insert into source_accounts (org_id, customer_id, source, first_name, last_name, created_by_type, created_by_code)
      select ${org}, id, 'INSTORE', 'Pre', 'Loaded', 'TILL', 'bench.till' from ids;
    insert into identifiers (org_id, source_account_id, type, value, customer_id, position)
      select ${org}, sa.id, t.type, t.value, sa.customer_id, t.pos from source_accounts sa join ids on ids.id = sa.customer_id,
      lateral (values ('mobile', ids.mobile, 0), ('email', ids.email, 1)) t(type, value, pos) where sa.org_id = ${org};
    insert into identity_keys (org_id, type, value, customer_id)
      select ${org}, t.type, t.value, ids.id from ids, lateral (values ('mobile', ids.mobile), ('email', ids.email)) t(type, value);
    analyze;`);
  await sql.end();
}

function body(n) {
  const mobile = `91${n}`,
    email = `c${n}@example.com`;
  return JSON.stringify({
    profiles: [
      {
        firstName: 'Tom',
        lastName: 'Sawyer',
        source: 'INSTORE',
        fields: {},
        identifiers: [
          { type: 'mobile', value: mobile },
          { type: 'email', value: email },
        ],
        commChannels: [
          { type: 'mobile', value: mobile, primary: true, verified: true, meta: { residence: true } },
          { type: 'email', value: email, primary: true, verified: true, meta: { residence: true } },
        ],
      },
    ],
    extendedFields: {},
  });
}

async function load(target, auth, seconds) {
  let n = 6e9 + Math.floor(Math.random() * 3.5e9);
  const r = await autocannon({
    url: target,
    method: 'POST',
    connections: Number(opt.connections),
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: auth },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(++n) }) }],
  });
  return {
    rps: Math.round(r.requests.average),
    total: r.requests.total,
    p50_ms: r.latency.p50,
    p90_ms: r.latency.p90,
    p99_ms: r.latency.p99,
    max_ms: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

try {
  const probes = path.resolve('..', 'shared', 'bench', 'run-probes.sh');
  if (opt.probes && existsSync(probes)) {
    // The floors first, on a quiet machine (no app server holding connections), then the app: one run.
    // Its pgbench draws customers at random from 2e9 and stops at the first duplicate key, which on a
    // fast machine fails more often than not at 10 s: try again, up to six times.
    for (let attempt = 1; ; attempt++) {
      const r = spawnSync('bash', [probes], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, CONNS: opt.connections, SECS: opt.seconds },
      });
      if (r.status === 0) break;
      if (attempt === 6) throw new Error('run-probes.sh failed six times');
      console.error('# run-probes.sh failed (a random duplicate in its pgbench?); again');
    }
  }
  await admin.unsafe(`CREATE DATABASE ${dbName}`);
  sh('npx', ['tsx', 'scripts/db-migrate.ts']);
  sh('npx', ['tsx', 'scripts/db-seed.ts']);
  await preload(Number(opt.preload));
  if (!opt['skip-build']) sh('npx', ['next', 'build']);
  const taken = await fetch(`http://127.0.0.1:${opt.port}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${opt.port} is already serving: stop that server or pass --port`);
  // Its own process group, so the cleanup stops next-server too, not just a wrapper.
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', opt.port], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const origin = `http://127.0.0.1:${opt.port}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const md5 = createHash('md5').update('Bench@123').digest('hex');
  const auth = `Basic ${Buffer.from(`bench.till:${md5}`).toString('base64')}`;
  const target = `${origin}/v2/customers`;
  console.error('# warm-up 5s');
  await load(target, auth, 5);
  console.error(`# app, ${opt.connections} connections, ${opt.seconds}s, preloaded ${opt.preload}`);
  const result = await load(target, auth, Number(opt.seconds));
  console.log(
    JSON.stringify({
      probe: 'app (npm run bench)',
      preloaded: Number(opt.preload),
      connections: Number(opt.connections),
      seconds: Number(opt.seconds),
      ...result,
    }),
  );
} finally {
  await cleanup();
}
