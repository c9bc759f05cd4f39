#!/usr/bin/env node
// npm run bench — the production server on PostgreSQL under load (org `bench`, see README "Measure").
// Builds, starts the server (server.ts, as `npm start` runs it) on a fresh database, warms up, runs each workload and prints one JSON
// line per workload: rate, p50/p90/p99, outcomes by kind, errors (answers other than the expected).
// usage: npm run bench [-- --workload new,mixed,update,search,search-1m --processes 2 --preload 1000000 --probes]
//   --workload W[,W]  new     every request registers a new customer (the default)
//                     mixed   70% new, 15% an existing customer's identifiers in another source (8050),
//                             10% the same identifiers again in the same source (8006), 5% GET by id
//                     update  PUT /v2/customers/{id}: new names for an existing customer
//                     search  GET /v2/customers/search: name word prefixes, mobile prefixes, exact emails
//                     webhooks the outbox and the in-app worker, to a receiver on loopback (a node:http server
//                             in a thread of this process): (a) new customers without a webhook, then with
//                             one subscribed to every event, as a ratio; (c) commit → delivery latency at
//                             --rate registrations/s; (b) deliveries/s draining a backlog of --backlog rows
//                     import  CSV import (POST /v2/imports) of --rows new customers (default 100000) through
//                             the server and its in-app worker: total time, rows/s, the app process's peak RSS;
//                             then POST /v2/customers/bulk (100 bodies a request) against single POSTs for
//                             --seconds each: rows per second of both
//                     merge   merges of two customers with --history entries each (made by SQL in the
//                             shape the app writes them), POST /v2/requests with auto-approval on: (i) --pairs
//                             merges one after the other, p50/p90/p99 of each request; (ii) new customers
//                             alone, then while merges run back to back, then alone again, as a ratio
//                     search-1m  the search as a clerk types it: name prefixes, a mobile with a space in it,
//                             a surname with one letter dropped (the one-typo path), exact emails; preloads
//                             1,000,000 customers unless --preload says otherwise (the < 50 ms p99 figure)
//   --processes N     N server processes on ports port..port+N-1 sharing Redis (REDIS_URL,
//                     default redis://127.0.0.1:6379, with a fresh REDIS_KEY_PREFIX); connections split
//   --preload N       insert N customers first (the "million customers already there" case)
//   --probes          first run ../shared/bench/run-probes.sh (pgbench, next-bare, next-json): its lines,
//                     then each workload with its ratios to those floors, all from the same run
//   --profile DIR     write a CPU profile of each server per workload to DIR (scripts/cpu-profile.mjs);
//                     summarise one with `node scripts/profile-summary.mjs DIR/new-<pid>.cpuprofile`
//   --connections 32 --seconds 15 --warm 5 --port 3300 --skip-build (reuse .next-bench)
//   --backlog 20000 --rate 100   the webhooks workload's backlog (b) and registration rate (c)
//   --pairs 200 --history 1000   the merge workload's pairs merged one after the other (i), history per customer
//   --keep-db         leave the bench database in place (its URL is printed), e.g. for scripts/search-plan.ts
//   --worker-process  the background worker as its own process (npm run worker's script), the servers
//                     with WORKER=off, as docs/architecture.md describes; its CPU counts as the app's
// Each line also gives the CPU time per request of the app processes and of the database's backends
// (from /proc: same machine only), which a busy machine inflates less than it does rates.
// env:   DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres): the server to create the db on
//        CITUS_URL  instead, a Citus coordinator with its workers registered: the db is made on every node
//                   (tests/integration/test-database.ts, as npm run test:citus makes its own), the migrations
//                   distribute it, and the database CPU counts the backends of every node (same machine)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { tsImport } from 'tsx/esm/api';

const { createTestDatabase } = await tsImport('../tests/integration/test-database.ts', import.meta.url);

const { values: opt } = parseArgs({
  options: {
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '15' },
    warm: { type: 'string', default: '5' },
    preload: { type: 'string', default: '0' },
    port: { type: 'string', default: '3300' },
    processes: { type: 'string', default: '1' },
    workload: { type: 'string', default: 'new' },
    backlog: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '100' },
    probes: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'keep-db': { type: 'boolean', default: false },
    'worker-process': { type: 'boolean', default: false },
    rows: { type: 'string', default: '100000' },
    pairs: { type: 'string', default: '200' },
    history: { type: 'string', default: '1000' },
  },
});
const WORKLOADS = ['new', 'mixed', 'update', 'search', 'search-1m', 'webhooks', 'import', 'merge'];
const workloads = opt.workload.split(',').map((w) => w.trim());
for (const w of workloads)
  if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}: ${WORKLOADS.join(', ')}`);
// search-1m is the search at a million customers: that many are preloaded unless --preload is given.
if (workloads.includes('search-1m') && opt.preload === '0') opt.preload = '1000000';
const processes = Number(opt.processes);
const connections = Number(opt.connections);
const seconds = Number(opt.seconds);
if (!(processes >= 1) || connections < processes)
  throw new Error('--processes must be 1 or more, at most --connections');

const base = process.env.CITUS_URL ?? process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
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
  // The webhooks workload's receiver is on loopback, which production refuses unless allowed.
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  ...(opt['worker-process'] ? { WORKER: 'off' } : {}),
  // Several processes share the rate limits and sign-in throttle through Redis, in keys of their own.
  ...(processes > 1
    ? {
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: `bench-${process.pid}-${Date.now()}`,
      }
    : {}),
};
const servers = [];
/** The worker's own process (--worker-process): its CPU is the app's, it stops with the servers. */
const workerProcesses = [];
/** Drops the bench database (on Citus, on every node); set once it is made. */
let dropDatabase = async () => {};
/** The servers the bench database is on: one, or a Citus coordinator and its workers. */
let nodes = [base];

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function cleanup() {
  for (const s of [...servers, ...workerProcesses]) if (s.exitCode === null) process.kill(-s.pid, 'SIGTERM');
  if (opt['keep-db']) console.error(`# kept the database: ${url}`);
  else await dropDatabase().catch(() => {});
}

async function preload(n) {
  if (n <= 0) return;
  console.error(`# preloading ${n} customers`);
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [{ id: org }] = await sql`select id from orgs where code = 'bench'`;
  // The same rows a registration writes (customer, INSTORE account, mobile + email, keys), in bulk.
  // Names are letters drawn from md5(g): about one customer per first name, as a search box meets them.
  await sql.unsafe(`
    create temp table pre as select g, '80' || lpad(g::text, 10, '0') as mobile, 'p' || g || '@example.com' as email,
        initcap(translate(substr(md5(g::text), 1, 7), '0123456789abcdef', 'aeioubcdfghklmnr')) as first_name,
        initcap(translate(substr(md5(g::text), 8, 8), '0123456789abcdef', 'aeiousdfghklmnrt')) as last_name
      from generate_series(1, ${n}) g;
    insert into customers (org_id, referral_code, created_by_type, created_by_code)
      select ${org}, 'PRE' || g, 'TILL', 'bench.till' from pre;
    create temp table ids as select c.id, p.* from customers c join pre p on c.referral_code = 'PRE' || p.g where c.org_id = ${org};
    insert into source_accounts (org_id, customer_id, source, first_name, last_name, created_by_type, created_by_code)
      select ${org}, id, 'INSTORE', first_name, last_name, 'TILL', 'bench.till' from ids;
    insert into identifiers (org_id, source_account_id, type, value, customer_id, position)
      select ${org}, sa.id, t.type, t.value, sa.customer_id, t.pos from source_accounts sa join ids on ids.id = sa.customer_id,
      lateral (values ('mobile', ids.mobile, 0), ('email', ids.email, 1)) t(type, value, pos) where sa.org_id = ${org};
    insert into identity_keys (org_id, type, value, customer_id)
      select ${org}, t.type, t.value, ids.id from ids, lateral (values ('mobile', ids.mobile), ('email', ids.email)) t(type, value);
    insert into customer_history (org_id, customer_id, action, actor_type, actor_code, request_id, changes)
      select ${org}, id, 'customer.registered', 'TILL', 'bench.till', 'preload', '[{"path":"profiles.INSTORE","before":null,"after":"INSTORE"}]' from ids;
    -- The names are lower-case ASCII letters already: folded, each is its own word.
    insert into customer_search_words (org_id, customer_id, word)
      select ${org}, id, w from ids, lateral (values (lower(first_name)), (lower(last_name))) t(w) on conflict do nothing;`);
  // What autovacuum does in production (it is off on the machines this runs on): statistics, and the
  // visibility map that lets the search's index-only scans skip the table.
  await sql.unsafe('vacuum analyze');
  await sql.end();
}

/** Up to `n` customers of the bench org with only an INSTORE account: ids, identifiers and names. */
async function samplePool(n) {
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  // The org bound as a value in every part, so on Citus the statement runs on the org's shard.
  const [{ id: org }] = await sql`select id from orgs where code = 'bench'`;
  const rows = await sql`
    with pick as (select sa.org_id, sa.id as account, sa.customer_id as id, sa.first_name, sa.last_name
               from source_accounts sa where sa.org_id = ${org} and sa.source = 'INSTORE' order by random() limit ${n})
    select pick.id, pick.first_name, pick.last_name,
      (select value from identifiers i where i.org_id = ${org} and i.org_id = pick.org_id and i.source_account_id = pick.account and i.type = 'mobile' limit 1) as mobile,
      (select value from identifiers i where i.org_id = ${org} and i.org_id = pick.org_id and i.source_account_id = pick.account and i.type = 'email' limit 1) as email
    from pick
    where not exists (select 1 from source_accounts x
                      where x.org_id = ${org} and x.org_id = pick.org_id and x.customer_id = pick.id and x.source <> 'INSTORE')`;
  await sql.end();
  return rows.map((r) => ({
    id: Number(r.id),
    firstName: r.first_name,
    lastName: r.last_name,
    mobile: r.mobile,
    email: r.email,
  }));
}

let serial = 6e9 + Math.floor(Math.random() * 3.5e9);
function registration(source, mobile, email) {
  return JSON.stringify({
    profiles: [
      {
        firstName: 'Tom',
        lastName: 'Sawyer',
        source,
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
function newCustomer() {
  serial += 1;
  const mobile = `91${serial}`;
  const email = `c${serial}@example.com`;
  return { mobile, email, method: 'POST', path: '/v2/customers', body: registration('INSTORE', mobile, email) };
}

const parse = (body) => {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
};
const hasCode = (list, code) => Array.isArray(list) && list.some((m) => m?.code === code);
const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Bodies per bulk request (the most it takes). */
const BULK = 100;

/**
 * A workload: `next()` gives the kind and the request; `expected(kind, status, body)` says if the
 * answer is the one that kind must get. New customers join the pool as they are created.
 */
function workloadOf(name, pool) {
  const fresh = [...pool]; // never given another source yet: each is added to WEBSITE once
  const remember = (r, status, b) => {
    if (r.kind === 'new' && status === 200 && b) {
      const c = { id: b.createdId, mobile: r.mobile, email: r.email };
      pool.push(c);
      fresh.push(c);
    }
  };
  const checks = {
    new: (s, b) => s === 200 && Number.isInteger(b?.createdId) && !hasCode(b.warnings, 8050),
    cross: (s, b, c) => s === 200 && b?.createdId === c.id && hasCode(b.warnings, 8050),
    duplicate: (s, b) => s === 409 && hasCode(b?.errors, 8006),
    bulk: (s, b) => s === 200 && b?.results?.length === BULK && b.results.every((x) => Number.isInteger(x?.createdId)),
    read: (s, b, c) => s === 200 && Number(b?.id) === c.id,
    update: (s, b, c) => s === 200 && Number(b?.id) === c.id,
    // A whole email must find its customer; a name or mobile prefix may match more than the limit.
    search: (s, b, c) =>
      s === 200 && Array.isArray(b?.customers) && (!c || b.customers.some((x) => Number(x?.id) === c.id)),
  };
  const request = {
    new: () => ({ kind: 'new', ...newCustomer() }),
    bulk: () => ({
      kind: 'bulk',
      method: 'POST',
      path: '/v2/customers/bulk',
      body: `[${Array.from({ length: BULK }, () => newCustomer().body).join(',')}]`,
    }),
    cross: () => {
      const c = fresh.shift();
      if (!c) return request.new();
      return {
        kind: 'cross',
        customer: c,
        method: 'POST',
        path: '/v2/customers',
        body: registration('WEBSITE', c.mobile, c.email),
      };
    },
    duplicate: () => {
      const c = pick(pool);
      if (!c) return request.new();
      return {
        kind: 'duplicate',
        method: 'POST',
        path: '/v2/customers',
        body: registration('INSTORE', c.mobile, c.email),
      };
    },
    read: () => {
      const c = pick(pool);
      if (!c) return request.new();
      return { kind: 'read', customer: c, method: 'GET', path: `/v2/customers/${c.id}` };
    },
    update: () => {
      const c = pick(pool);
      serial += 1;
      const profile = { firstName: `Tom${serial % 1000}`, lastName: `Sawyer${serial % 997}` };
      return {
        kind: 'update',
        customer: c,
        method: 'PUT',
        path: `/v2/customers/${c.id}`,
        body: JSON.stringify({ profiles: [profile] }),
      };
    },
    'search-1m': () => {
      const c = pick(pool);
      // As people say it: name prefixes, a mobile typed in two groups, a surname missing a letter
      // (no prefix matches, so the trigram path runs), a whole email.
      const r = Math.random();
      const q =
        r < 0.3 && c.firstName && c.lastName
          ? `${c.firstName.slice(0, 3)} ${c.lastName.slice(0, 3)}`
          : r < 0.55
            ? `${c.mobile.slice(0, 5)} ${c.mobile.slice(5)}`
            : r < 0.8 && c.lastName && c.lastName.length >= 5
              ? c.lastName.slice(0, 2) + c.lastName.slice(3)
              : c.email;
      return {
        kind: 'search',
        customer: q === c.email ? c : undefined,
        method: 'GET',
        path: `/v2/customers/search?q=${encodeURIComponent(q)}&limit=20`,
      };
    },
    search: () => {
      const c = pick(pool);
      // What a clerk types: the start of both names, most of a mobile, or a whole email.
      const r = Math.random();
      const q =
        r < 0.4 && c.firstName && c.lastName
          ? `${c.firstName.slice(0, 3)} ${c.lastName.slice(0, 3)}`
          : r < 0.7
            ? c.mobile.slice(0, -2)
            : c.email;
      return {
        kind: 'search',
        customer: q === c.email ? c : undefined,
        method: 'GET',
        path: `/v2/customers/search?q=${encodeURIComponent(q)}&limit=20`,
      };
    },
  };
  const next =
    name === 'mixed'
      ? () => {
          const r = Math.random();
          return (r < 0.7 ? request.new : r < 0.85 ? request.cross : r < 0.95 ? request.duplicate : request.read)();
        }
      : request[name];
  if (!['new', 'mixed', 'bulk'].includes(name) && pool.length === 0) throw new Error(`${name} needs customers`);
  return { next, checks, remember };
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Load on every server at once, connections split between them; outcomes counted by kind. */
async function load(origins, auth, duration, workload, { rate } = {}) {
  const latencies = [];
  const byKind = {};
  const outcomes = {};
  const reported = new Set();
  const count = (kind, ok) => {
    outcomes[kind] ??= { expected: 0, unexpected: 0 };
    outcomes[kind][ok ? 'expected' : 'unexpected'] += 1;
  };
  const baseHeaders = { 'content-type': 'application/json', authorization: auth };
  const runs = origins.map((origin, i) => {
    const share = Math.floor(connections / origins.length) + (i < connections % origins.length ? 1 : 0);
    const instance = autocannon({
      url: origin,
      connections: share,
      duration,
      // A fixed rate (requests/s over all servers) instead of as fast as the connections go.
      ...(rate ? { overallRate: rate / origins.length } : {}),
      headers: baseHeaders,
      requests: [
        {
          setupRequest: (req, context) => {
            const r = workload.next();
            context.r = r;
            context.sent = performance.now();
            // A headers object of its own: autocannon writes Content-Length into the one it is given, and a
            // GET carrying the last POST's length makes the server wait for a body that never comes.
            const headers = { ...baseHeaders };
            return { ...req, method: r.method, path: r.path, body: r.body, headers };
          },
          onResponse: (status, body, context) => {
            const r = context.r;
            const b = parse(body);
            const ok = workload.checks[r.kind](status, b, r.customer);
            count(r.kind, ok);
            (byKind[r.kind] ??= []).push(performance.now() - context.sent);
            if (!ok && !reported.has(r.kind)) {
              reported.add(r.kind);
              console.error(`# first unexpected answer to ${r.kind}: ${status} ${String(body).slice(0, 300)}`);
            }
            workload.remember(r, status, b);
          },
        },
      ],
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    return instance;
  });
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const unexpected = Object.values(outcomes).reduce((n, o) => n + o.unexpected, 0);
  const sum = (f) => results.reduce((n, r) => n + f(r), 0);
  return {
    rps: Math.round(sum((r) => r.requests.average)),
    total: sum((r) => r.requests.total),
    p50_ms: percentile(latencies, 50),
    p90_ms: percentile(latencies, 90),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.at(-1) ?? 0,
    outcomes,
    ...(Object.keys(byKind).length > 1
      ? {
          p99_ms_by_kind: Object.fromEntries(
            Object.entries(byKind).map(([k, l]) => [
              k,
              Math.round(
                percentile(
                  l.sort((a, b) => a - b),
                  99,
                ),
              ),
            ]),
          ),
        }
      : {}),
    errors: unexpected + sum((r) => r.errors) + sum((r) => r.timeouts),
  };
}

const round2 = (x) => Math.round(x * 100) / 100;
const round3 = (x) => Math.round(x * 1000) / 1000;

/** CPU seconds (user + system) a process has used so far; 0 when /proc cannot tell. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** The database backends serving the bench database (every node's). */
async function backendPids() {
  const pids = [];
  for (const node of nodes) {
    const c = postgres(node, { max: 1, onnotice: () => {} });
    pids.push(...(await c`select pid from pg_stat_activity where datname = ${dbName}`).map((r) => r.pid));
    await c.end();
  }
  return pids;
}

/**
 * The app processes and the database backends serving the bench database, for CPU accounting. Pass
 * the backends seen at the end (backendPids) to count connections opened meanwhile too (the import's
 * pool opens on first use): their whole CPU time is the measure's.
 */
async function cpuMeter() {
  const backends = await backendPids();
  const app = [...servers, ...workerProcesses].map((s) => s.pid);
  const sum = (pids) => pids.reduce((t, pid) => t + cpuSeconds(pid), 0);
  const start = { app: sum(app), db: sum(backends) };
  return (requests, laterBackends = []) => {
    const opened = laterBackends.filter((pid) => !backends.includes(pid));
    return {
      app_cpu_ms_per_req: round3(((sum(app) - start.app) * 1000) / requests),
      db_cpu_ms_per_req: round3(((sum(backends) + sum(opened) - start.db) * 1000) / requests),
    };
  };
}

async function startServer(port) {
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already serving: stop that server or pass --port`);
  // The server itself (what `npm start` runs, without the npm and tsx wrappers), so its pid is the
  // one whose CPU is counted; its own process group all the same, so the cleanup stops all of it.
  const profiling = opt.profile ? ['--import', path.resolve('scripts/cpu-profile.mjs')] : [];
  const server = spawn(process.execPath, [...profiling, '--import', 'tsx', '--conditions=react-server', 'server.ts'], {
    env: { ...env, PORT: String(port), ...(opt.profile && { BENCH_PROFILE_DIR: path.resolve(opt.profile) }) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  servers.push(server);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return origin;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server on ${port} did not answer /api/health`);
}

/** The worker as its own process (what `npm run worker` runs, without the npm wrapper, so its pid is the one counted). */
function startWorkerProcess() {
  const worker = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/worker.ts'], {
    env: { ...env, WORKER: 'on' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  workerProcesses.push(worker);
}

/** VmRSS and VmHWM (peak) of a process, in MiB; 0 when /proc cannot tell. */
function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * The import workload: a CSV of `rows` new customers, uploaded as a stream, run by the server's
 * in-app worker; polled until done, the app process's memory sampled on every poll.
 */
async function runImport(origin, auth, rows) {
  const file = path.join(tmpdir(), `bench-import-${process.pid}.csv`);
  const lines = ['firstName,lastName,mobile,email'];
  for (let i = 0; i < rows; i++) {
    serial += 1;
    lines.push(`Tom${i % 1000},Sawyer${i % 997},91${serial},c${serial}@example.com`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const bytes = statSync(file).size;
  const pid = servers[0].pid;
  const baseline = rssMiB(pid);
  let peak = baseline.rss;
  const started = performance.now();
  const res = await fetch(`${origin}/v2/imports?fileName=bench.csv`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'text/csv', 'content-length': String(bytes) },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  });
  const queued = await res.json();
  rmSync(file, { force: true });
  if (res.status !== 200) throw new Error(`import upload answered ${res.status}: ${JSON.stringify(queued)}`);
  const uploadSeconds = (performance.now() - started) / 1000;
  let job = queued;
  while (!['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.status)) {
    await new Promise((r) => setTimeout(r, 250));
    peak = Math.max(peak, rssMiB(pid).rss);
    job = await (await fetch(`${origin}/v2/imports/${queued.id}`, { headers: { authorization: auth } })).json();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    probe: 'app import',
    rows,
    file_mib: round2(bytes / 1024 / 1024),
    status: job.status,
    created: job.created,
    duplicates: job.duplicates,
    invalid: job.invalid,
    upload_s: round2(uploadSeconds),
    total_s: round2(seconds),
    rows_per_s: Math.round(rows / seconds),
    worker_rate_per_s: job.ratePerSecond,
    rss_before_mib: baseline.rss,
    rss_peak_mib: peak,
    rss_hwm_mib: rssMiB(pid).hwm,
    within_60s: seconds <= 60,
  };
}

/** Bulk against single POSTs, `seconds` each, on the same server: rows per second of both. */
async function bulkVersusSingle(origins, auth) {
  const single = await load(origins, auth, seconds, workloadOf('new', []));
  const bulk = await load(origins, auth, seconds, workloadOf('bulk', []));
  const singleRows = single.rps;
  const bulkRows = bulk.rps * BULK;
  return {
    probe: 'app bulk vs single',
    connections,
    seconds,
    single_rows_per_s: singleRows,
    single_p99_ms: single.p99_ms,
    single_errors: single.errors,
    bulk_requests_per_s: bulk.rps,
    bulk_rows_per_s: bulkRows,
    bulk_p99_ms: bulk.p99_ms,
    bulk_errors: bulk.errors,
    bulk_vs_single: singleRows > 0 ? round2(bulkRows / singleRows) : null,
  };
}

/** The floors of ../shared/bench/run-probes.sh, by probe name; its lines are printed as they are. */
function runProbes() {
  const probes = path.resolve('..', 'shared', 'bench', 'run-probes.sh');
  if (!existsSync(probes)) throw new Error(`--probes: ${probes} not found`);
  // The floors first, on a quiet machine (no app server holding connections), then the app: one run.
  // Its pgbench can stop at a random duplicate key on a fast machine: try again, up to six times.
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync('bash', [probes], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, CONNS: opt.connections, SECS: opt.seconds },
    });
    if (r.status === 0) {
      const floors = {};
      for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
        console.log(line);
        const p = JSON.parse(line);
        floors[p.probe] = p;
      }
      return floors;
    }
    if (attempt === 6) throw new Error('run-probes.sh failed six times');
    console.error('# run-probes.sh failed (a random duplicate in its pgbench?); again');
  }
}

// The webhooks workload's receiver: a node:http server in a thread of its own, so the load generator
// of this process does not delay its receipts. It answers 200 at once and keeps, per request, the
// time from the event's commit (its timeStamp, the statement's now()) to its receipt.
const RECEIVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
let latencies = [];
let received = 0;
let duplicates = 0;
const seen = new Set();
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    received += 1;
    try {
      const b = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      latencies.push(at - b.timeStamp);
      if (seen.has(b.eventId)) duplicates += 1;
      else seen.add(b.eventId);
    } catch {}
    res.statusCode = 200;
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'reset') {
    latencies = [];
    received = 0;
    duplicates = 0;
    parentPort.postMessage({});
  } else if (m === 'stats') parentPort.postMessage({ received, duplicates, latencies });
  else if (m === 'close') server.close(() => parentPort.close());
});
`;

async function startReceiverThread() {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(RECEIVER, { eval: true });
  const ask = (m) =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(m);
    });
  const { port } = await new Promise((resolve) => worker.once('message', resolve));
  return {
    url: `http://127.0.0.1:${port}/bench-hook`,
    reset: () => ask('reset'),
    stats: () => ask('stats'),
    close: () => {
      worker.postMessage('close');
      return new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

/** Waits until the org has no pending delivery (at most `maxMs`): how long it took, and what is left. */
async function drained(sql, orgId, maxMs = 600_000) {
  const start = performance.now();
  for (;;) {
    const [{ n }] =
      await sql`select count(*)::int as n from webhook_deliveries where org_id = ${orgId} and status = 'pending'`;
    const ms = Math.round(performance.now() - start);
    if (n === 0 || ms > maxMs) return { ms, pending: n };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Counts of the org's deliveries by status. */
async function deliveryCounts(sql, orgId) {
  const rows = await sql`select status, count(*)::int as n from webhook_deliveries where org_id = ${orgId} group by 1`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * --workload webhooks, on the server(s) started (each runs the worker in its process): (a) new
 * customers without a webhook, then with one subscribed to every event (the outbox's cost on the
 * registration, the worker delivering meanwhile in the same process); (c) commit → delivery at a
 * fixed registration rate; (b) a backlog of outbox rows drained (deliveries/s). One line each.
 */
async function webhooksWorkload(origins, auth) {
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const receiver = await startReceiverThread();
  const line = (probe, fields) =>
    console.log(JSON.stringify({ probe: `app webhooks: ${probe}`, processes, connections, seconds, ...fields }));
  try {
    const [{ id: orgId }] = await sql`select id from orgs where code = 'bench'`;
    console.error(`# webhooks (a): new customers without a webhook, ${connections} connections, ${seconds}s`);
    const meter1 = await cpuMeter();
    const without1 = await load(origins, auth, seconds, workloadOf('new', []));
    const cpu1 = meter1(without1.total);
    const added = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'scripts/bench-webhook.ts', receiver.url],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (added.status !== 0) throw new Error('scripts/bench-webhook.ts failed');
    const { webhookId } = JSON.parse(added.stdout.trim().split('\n').at(-1));
    console.error(`# webhooks (a): new customers with webhook ${webhookId} subscribed to every event`);
    await receiver.reset();
    // --profile: the servers' CPU while the load runs with the webhook (webhooks-with-<pid>.cpuprofile).
    const profile = (label) => {
      if (!opt.profile) return;
      if (label) writeFileSync(path.join(opt.profile, 'label'), label);
      for (const s of servers) process.kill(s.pid, 'SIGUSR2');
    };
    profile('webhooks-with');
    const meter = await cpuMeter();
    const withHook = await load(origins, auth, seconds, workloadOf('new', []));
    const cpu = meter(withHook.total);
    profile();
    const countsAtEnd = await deliveryCounts(sql, orgId);
    const drain = await drained(sql, orgId);
    const a = await receiver.stats();
    // Without again (the webhook inactive: the outbox's parts find none), so neither side is only
    // ever the first: the ratio is to the mean of the two.
    console.error('# webhooks (a): new customers without a webhook again (made inactive)');
    await sql`update webhooks set active = false where org_id = ${orgId} and id = ${webhookId}`;
    const meter2 = await cpuMeter();
    const without2 = await load(origins, auth, seconds, workloadOf('new', []));
    const cpu2 = meter2(without2.total);
    await sql`update webhooks set active = true where org_id = ${orgId} and id = ${webhookId}`;
    const side = (r) => ({ rps: r.rps, p99_ms: r.p99_ms, errors: r.errors });
    line('registrations with a webhook vs without', {
      worker: opt['worker-process'] ? 'own process' : 'in the app process',
      without_before: { ...side(without1), ...cpu1 },
      with: { ...side(withHook), ...cpu },
      without_after: { ...side(without2), ...cpu2 },
      rate_with_vs_without: round2(withHook.rps / ((without1.rps + without2.rps) / 2)),
      delivered_by_end_of_load: countsAtEnd.delivered ?? 0,
      pending_at_end_of_load: countsAtEnd.pending ?? 0,
      drained_after_ms: drain.ms,
      received: a.received,
      duplicates: a.duplicates,
    });

    const rate = Number(opt.rate);
    console.error(`# webhooks (c): commit → delivery at ${rate} registrations/s, ${seconds}s`);
    await receiver.reset();
    const paced = await load(origins, auth, seconds, workloadOf('new', []), { rate });
    const drainC = await drained(sql, orgId);
    const c = await receiver.stats();
    const lat = c.latencies.sort((x, y) => x - y);
    line('commit to delivery', {
      target_rps: rate,
      rps: paced.rps,
      registrations: paced.total,
      registration_p99_ms: paced.p99_ms,
      errors: paced.errors,
      received: c.received,
      duplicates: c.duplicates,
      delivery_p50_ms: percentile(lat, 50),
      delivery_p90_ms: percentile(lat, 90),
      delivery_p99_ms: percentile(lat, 99),
      delivery_max_ms: lat.at(-1) ?? 0,
      pending_left: drainC.pending,
    });

    const backlog = Number(opt.backlog);
    console.error(`# webhooks (b): a backlog of ${backlog} deliveries, one customer each, drained`);
    await receiver.reset();
    const meterB = await cpuMeter();
    // customerUpdated events of customers that need not exist: delivery only (customerAdded would add
    // the rendering of each customer at its first sending).
    await sql`
      insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
      select ${orgId}, ${webhookId}, 900000000000 + g, gen_random_uuid(), 'customerUpdated', 'bench-backlog',
        ${sql.json({ entries: [{ action: 'customer.updated', reason: null, changes: [{ path: 'profiles.INSTORE.firstName', before: 'Tom', after: 'Huck' }] }] })}
      from generate_series(1, ${backlog}) g`;
    const drainB = await drained(sql, orgId);
    const b = await receiver.stats();
    const cpuB = meterB(backlog);
    line('deliveries draining a backlog', {
      backlog,
      drained_ms: drainB.ms,
      pending_left: drainB.pending,
      deliveries_per_s: Math.round((backlog - drainB.pending) / (drainB.ms / 1000)),
      received: b.received,
      duplicates: b.duplicates,
      app_cpu_ms_per_delivery: cpuB.app_cpu_ms_per_req,
      db_cpu_ms_per_delivery: cpuB.db_cpu_ms_per_req,
    });
    await sql`delete from webhooks where org_id = ${orgId} and id = ${webhookId}`;
  } finally {
    await receiver.close();
    await sql.end();
  }
}

let pairSerial = 0;

/**
 * `n` pairs of customers of the bench org, each with `history` history entries, by SQL in the shape a
 * registration and its updates write them: a victim registered from WEBSITE and a survivor from INSTORE
 * (mobile and email, their identity keys, both channels, search words), one `customer.registered`
 * entry and `history - 1` `customer.updated` entries each. Answers `[{ victimId, survivorId }]`.
 */
async function makePairs(sql, orgId, n, history) {
  const batch = (pairSerial += 1);
  const tag = `MRG${process.pid}x${batch}x`;
  await sql.unsafe(`
    create temp table mp on commit drop as
      select g, s, '${tag}' || g || 'x' || s as ref, case s when 0 then 'WEBSITE' else 'INSTORE' end as source,
        '7' || lpad(${batch}::text, 3, '0') || lpad((g * 2 + s)::text, 8, '0') as mobile,
        'm${batch}x' || g || 'x' || s || '@example.com' as email
      from generate_series(1, ${n}) g, generate_series(0, 1) s;
    insert into customers (org_id, referral_code, created_by_type, created_by_code)
      select ${orgId}, ref, 'TILL', 'bench.till' from mp;
    create temp table mpc on commit drop as
      select c.id, mp.* from customers c join mp on c.referral_code = mp.ref where c.org_id = ${orgId};
    insert into source_accounts (org_id, customer_id, source, first_name, last_name, created_by_type, created_by_code)
      select ${orgId}, id, source, 'Tom', 'Sawyer', 'TILL', 'bench.till' from mpc;
    create temp table mpa on commit drop as
      select sa.id as account, mpc.* from source_accounts sa join mpc on sa.customer_id = mpc.id
      where sa.org_id = ${orgId};
    insert into identifiers (org_id, source_account_id, type, value, customer_id, position)
      select ${orgId}, account, t.type, t.value, id, t.pos from mpa,
        lateral (values ('mobile', mobile, 0), ('email', email, 1)) t(type, value, pos);
    insert into identity_keys (org_id, type, value, customer_id)
      select ${orgId}, t.type, t.value, id from mpa, lateral (values ('mobile', mobile), ('email', email)) t(type, value);
    insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, meta)
      select ${orgId}, account, t.pos, t.type, t.value, true, true, '{"residence":true}' from mpa,
        lateral (values ('mobile', mobile, 0), ('email', email, 1)) t(type, value, pos);
    insert into customer_search_words (org_id, customer_id, word)
      select ${orgId}, id, w from mpc, lateral (values ('tom'), ('sawyer')) t(w) on conflict do nothing;
    insert into customer_history (org_id, customer_id, action, actor_type, actor_code, request_id, changes)
      select ${orgId}, id, 'customer.registered', 'TILL', 'bench.till', 'bench-merge',
        jsonb_build_array(jsonb_build_object('path', 'profiles.' || source, 'before', null, 'after', source))
      from mpa;
    insert into customer_history (org_id, customer_id, action, actor_type, actor_code, request_id, changes)
      select ${orgId}, id, 'customer.updated', 'TILL', 'bench.till', 'bench-merge-' || h,
        jsonb_build_array(jsonb_build_object('path', 'profiles.' || source || '.firstName',
          'before', 'Tom' || (h - 1), 'after', 'Tom' || h))
      from mpa, generate_series(1, ${history - 1}) h;`);
  const rows = await sql.unsafe(`
    select v.id as victim, s.id as survivor from mpc v join mpc s on s.g = v.g and s.s = 1 where v.s = 0 order by v.g`);
  await sql.unsafe('analyze customers, source_accounts, identifiers, identity_keys, comm_channels, customer_history');
  return rows.map((r) => ({ victimId: Number(r.victim), survivorId: Number(r.survivor) }));
}

/** One merge through the API (auto-approved): its latency, and whether it answered COMPLETED. */
async function mergeOnce(origin, auth, pair) {
  const started = performance.now();
  const res = await fetch(`${origin}/v2/requests`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'CHANGE_IDENTIFIER', baseType: 'MERGE', ...pair }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const ok = res.status === 200 && parse(text)?.status === 'COMPLETED';
  return { ms, ok, answer: ok ? null : `${res.status} ${text.slice(0, 300)}` };
}

/** Merges the pairs one after the other (until `stop()` says so, if given): latencies and errors. */
async function mergeInTurn(origins, auth, pairs, stop) {
  const latencies = [];
  let errors = 0;
  let i = 0;
  while (pairs.length && !stop?.()) {
    const r = await mergeOnce(origins[i++ % origins.length], auth, pairs.shift());
    latencies.push(r.ms);
    if (!r.ok && errors++ === 0) console.error(`# first unexpected answer to a merge: ${r.answer}`);
  }
  // Stopped for want of pairs while it was still meant to go on.
  const ranOut = stop ? { ran_out: pairs.length === 0 && !stop() } : {};
  latencies.sort((a, b) => a - b);
  return {
    ...ranOut,
    merges: latencies.length,
    p50_ms: round2(percentile(latencies, 50)),
    p90_ms: round2(percentile(latencies, 90)),
    p99_ms: round2(percentile(latencies, 99)),
    max_ms: round2(latencies.at(-1) ?? 0),
    errors,
  };
}

/**
 * --workload merge: auto-approval of merges on for org `bench`; (i) --pairs merges of customers with
 * --history entries each, one after the other; (ii) new customers for --seconds alone, while merges run
 * back to back, and alone again: the rate with merges against the mean of the two without.
 */
async function mergeWorkload(origins, auth) {
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const history = Number(opt.history);
  const line = (probe, fields) =>
    console.log(JSON.stringify({ probe: `app merge: ${probe}`, processes, history_per_customer: history, ...fields }));
  try {
    const [{ id: orgId }] = await sql`select id from orgs where code = 'bench'`;
    // What "Approve merges automatically" saves, and the notice that makes every process read it again.
    const set = await sql`update registration_configs set auto_approve_merge = true where org_id = ${orgId}`;
    if (set.count !== 1) throw new Error('org bench has no registration configuration to approve merges in');
    await sql`select pg_notify('org_config', ${String(orgId)})`;
    await new Promise((r) => setTimeout(r, 500));

    const n = Number(opt.pairs);
    console.error(`# merge (i): ${n} pairs with ${history} history entries each, merged one after the other`);
    const pairs = await sql.begin((tx) => makePairs(tx, orgId, n, history));
    const meter = await cpuMeter();
    const alone = await mergeInTurn(origins, auth, pairs);
    line('one after the other', {
      ...alone,
      ...meter(Math.max(1, alone.merges)),
      p99_within_200ms: alone.p99_ms < 200,
    });

    // Enough pairs for --seconds of merges back to back at the pace of (i), and some to spare for the load.
    const needed = Math.min(5000, Math.ceil((seconds * 1000 * 1.5) / Math.max(1, alone.p50_ms)) + 10);
    console.error(`# merge (ii): ${needed} more pairs; new customers, ${connections} connections, ${seconds}s, alone`);
    const more = await sql.begin((tx) => makePairs(tx, orgId, needed, history));
    const before = await load(origins, auth, seconds, workloadOf('new', []));
    console.error('# merge (ii): new customers while merges run back to back');
    let loading = true;
    const during = load(origins, auth, seconds, workloadOf('new', [])).finally(() => {
      loading = false;
    });
    const merging = mergeInTurn(origins, auth, more, () => !loading);
    const [withMerges, merges] = await Promise.all([during, merging]);
    console.error('# merge (ii): new customers alone again');
    const after = await load(origins, auth, seconds, workloadOf('new', []));
    const side = (r) => ({ rps: r.rps, p99_ms: r.p99_ms, errors: r.errors });
    line('registrations while merging vs alone', {
      connections,
      seconds,
      alone_before: side(before),
      with_merges: side(withMerges),
      alone_after: side(after),
      rate_with_vs_alone: round2(withMerges.rps / ((before.rps + after.rps) / 2)),
      // ran_out: the merges stopped before the load did (the pairs made were too few).
      merges_during: merges,
    });
  } finally {
    await sql.end();
  }
}

try {
  if (opt.profile) mkdirSync(opt.profile, { recursive: true });
  const floors = opt.probes ? runProbes() : {};
  ({ drop: dropDatabase, nodes } = await createTestDatabase(base, dbName));
  sh('npm', ['run', '--silent', 'db:migrate']);
  sh('npm', ['run', '--silent', 'db:seed', '--', '--demo']);
  await preload(Number(opt.preload));
  if (!opt['skip-build']) sh('npx', ['next', 'build']);
  const origins = [];
  for (let i = 0; i < processes; i++) origins.push(await startServer(Number(opt.port) + i));
  if (opt['worker-process']) startWorkerProcess();
  const md5 = createHash('md5').update('Bench@123').digest('hex');
  const auth = `Basic ${Buffer.from(`bench.till:${md5}`).toString('base64')}`;
  console.error(`# warm-up ${opt.warm}s`);
  await load(origins, auth, Number(opt.warm), workloadOf('new', []));
  const pool = workloads.some((w) => !['new', 'webhooks', 'merge'].includes(w)) ? await samplePool(20_000) : [];
  const rates = {};
  for (const name of workloads) {
    console.error(
      `# ${name}: ${connections} connections, ${seconds}s, ${processes} process(es), preloaded ${opt.preload}`,
    );
    if (name === 'webhooks') {
      await webhooksWorkload(origins, auth);
      continue;
    }
    if (name === 'merge') {
      await mergeWorkload(origins, auth);
      continue;
    }
    if (name === 'import') {
      // The CPU per row of the app and of the database, and the profile, cover the import alone.
      if (opt.profile) {
        writeFileSync(path.join(opt.profile, 'label'), name);
        for (const s of servers) process.kill(s.pid, 'SIGUSR2');
      }
      const meter = await cpuMeter();
      const imported = await runImport(origins[0], auth, Number(opt.rows));
      const cpu = meter(imported.rows, await backendPids());
      if (opt.profile) for (const s of servers) process.kill(s.pid, 'SIGUSR2');
      console.log(
        JSON.stringify({
          ...imported,
          app_cpu_ms_per_row: cpu.app_cpu_ms_per_req,
          db_cpu_ms_per_row: cpu.db_cpu_ms_per_req,
          ...(opt.profile
            ? { profiles: servers.map((s) => path.join(opt.profile, `${name}-${s.pid}.cpuprofile`)) }
            : {}),
        }),
      );
      console.error(`# bulk vs single: ${connections} connections, ${seconds}s each`);
      console.log(JSON.stringify(await bulkVersusSingle(origins, auth)));
      continue;
    }
    const workload = workloadOf(name, pool);
    if (opt.profile) {
      writeFileSync(path.join(opt.profile, 'label'), name);
      for (const s of servers) process.kill(s.pid, 'SIGUSR2');
    }
    const meter = await cpuMeter();
    const r = await load(origins, auth, seconds, workload);
    const cpu = meter(r.total);
    if (opt.profile) for (const s of servers) process.kill(s.pid, 'SIGUSR2');
    rates[name] = r.rps;
    const bare = floors['next-bare'];
    const json = floors['next-json'];
    const ratios = {
      ...(bare
        ? { rate_vs_next_bare: round2(r.rps / bare.rps), p99_vs_next_bare: round2(r.p99_ms / bare.p99_ms) }
        : {}),
      ...(json ? { rate_vs_next_json: round2(r.rps / json.rps) } : {}),
      ...(name !== 'new' && rates.new ? { rate_vs_new: round2(r.rps / rates.new) } : {}),
    };
    console.log(
      JSON.stringify({
        probe: `app ${name}`,
        processes,
        preloaded: Number(opt.preload),
        connections,
        seconds,
        ...r,
        ...cpu,
        ...ratios,
        ...(opt.profile ? { profiles: servers.map((s) => path.join(opt.profile, `${name}-${s.pid}.cpuprofile`)) } : {}),
      }),
    );
  }
} finally {
  await cleanup();
}
