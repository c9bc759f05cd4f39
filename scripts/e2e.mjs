#!/usr/bin/env node
// npm run test:e2e — the end-to-end suite, self-contained: a fresh database (a new PostgreSQL database
// when DATABASE_URL is set, else a temporary PGlite folder), migrated and seeded; a production build in
// .next-e2e; the production server (server.ts, as `npm start` runs it) on a free port with a random
// AUTH_SECRET; Playwright against it. On PostgreSQL a second server of the same build serves the same
// database on another port
// (BASE_URL_2), for e2e/two-servers.spec.ts: a save through one process is obeyed by the other. One
// more server serves a database made by `npm run org:create` alone (E2E_FRESH_URL), for
// e2e/org-create.spec.ts: the new org's admin signs in with the printed one-time password.
// Everything it made is removed at the end, failures included; the exit code is Playwright's.
// Extra arguments go to Playwright (npm run test:e2e -- e2e/search.spec.ts). E2E_REUSE_BUILD=1 skips
// the build when .next-e2e exists (for local reruns only).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const DIST_DIR = '.next-e2e';
/** The server as `npm start` runs it, without the npm wrapper: node, tsx's loader, server.ts. */
const SERVER = [process.execPath, ['--import', 'tsx', '--conditions=react-server', 'server.ts']];
const cleanups = [];
const servers = [];

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a command and resolves with its standard output (its errors go to ours). */
function output(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function must(command, args, env) {
  const code = await run(command, args, env);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A database nobody else uses: dropped again at the end. */
async function freshDatabase(env) {
  if (!env.DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'member-care-e2e-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { ...env, PGLITE_DIR: path.join(dir, 'pglite') };
  }
  const name = `e2e_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  return { ...env, DATABASE_URL: url.toString() };
}

async function waitForHealth(baseUrl, exited) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the server stopped before it answered');
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy within 3 minutes');
}

/** A production server without AUTH_SECRET stops at start, naming it, instead of answering 500 later. */
async function checkRefusesToStartWithoutSecret(env, port) {
  const bare = { ...env, NODE_ENV: 'production' };
  delete bare.AUTH_SECRET;
  delete bare.NEXTAUTH_SECRET;
  const child = spawn(...SERVER, { env: { ...bare, HOST: '127.0.0.1', PORT: String(port) }, detached: true });
  let printed = '';
  child.stdout.on('data', (d) => (printed += d));
  child.stderr.on('data', (d) => (printed += d));
  const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 60_000);
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  clearTimeout(timer);
  if (code === 0 || code === null || !printed.includes('AUTH_SECRET')) {
    throw new Error(`the server without AUTH_SECRET did not stop naming it (exit ${code}):\n${printed}`);
  }
  console.log('e2e: the server without AUTH_SECRET stops, naming it');
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  // The whole group: the server and anything it started.
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

async function cleanUp() {
  await Promise.all(servers.map(stopServer));
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err.message);
    }
  }
  cleanups.length = 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The production server on a free port of `env`'s database; resolves with its URL once healthy. */
async function startServer(env, authSecret, redisPrefix) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Same secret (a session signed in on one server is valid on the other) and same Redis prefix:
  // two instances of one deployment.
  const serverEnv = {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    AUTH_SECRET: authSecret,
    NEXTAUTH_URL: baseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    REDIS_KEY_PREFIX: redisPrefix,
    // e2e/webhooks.spec.ts's receivers listen on loopback, which production refuses unless allowed.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  };
  const server = spawn(...SERVER, { stdio: 'inherit', env: serverEnv, detached: true });
  servers.push(server);
  await waitForHealth(baseUrl, () => server.exitCode !== null);
  return baseUrl;
}

/**
 * Putting an org into service as the README says: a database of its own with nothing in it, `npm run
 * org:create` (which migrates it; no demo data), then a server on it. e2e/org-create.spec.ts signs in
 * there as the new org's admin with the printed one-time password (E2E_FRESH_*).
 */
async function freshOrgServer(base, authSecret, redisPrefix) {
  const env = await freshDatabase(base);
  const email = 'first.admin@fresh.example';
  const printed = await output(
    'npm',
    ['run', '--silent', 'org:create', '--', '--name', 'Fresh Retail', '--region', 'EMEA', '--admin-email', email],
    env,
  );
  const password = /one-time password[^:]*: (\S+)/.exec(printed)?.[1];
  if (!password) throw new Error(`npm run org:create printed no one-time password:\n${printed}`);
  const url = await startServer(env, authSecret, redisPrefix);
  console.log(`e2e: org:create on an empty database; its server at ${url}`);
  return { url, email, password };
}

async function main() {
  const base = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: DIST_DIR };
  const env = await freshDatabase(base);
  console.log(
    env.DATABASE_URL
      ? `e2e: database ${new URL(env.DATABASE_URL).pathname.slice(1)}`
      : `e2e: PGlite in ${env.PGLITE_DIR}`,
  );
  await must('npm', ['run', '--silent', 'db:migrate'], env);
  await must('npm', ['run', '--silent', 'db:seed', '--', '--demo'], env);
  // Sessions the access matrix needs and the sign-in form cannot give (e2e/support/mint-sessions.ts).
  const authSecret = randomBytes(32).toString('hex');
  const minted = await output('npx', ['tsx', '--conditions=react-server', 'e2e/support/mint-sessions.ts'], {
    ...env,
    AUTH_SECRET: authSecret,
  });
  const sessions = minted
    .split('\n')
    .find((l) => l.startsWith('SESSIONS '))
    ?.slice('SESSIONS '.length);
  if (!sessions) throw new Error('e2e/support/mint-sessions.ts printed no sessions');
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(path.join(DIST_DIR, 'BUILD_ID')))
    console.log(`e2e: reusing ${DIST_DIR}`);
  else await must('npx', ['next', 'build'], { ...env, NODE_ENV: 'production' });

  await checkRefusesToStartWithoutSecret(env, await freePort());
  // Should REDIS_URL be set, this run's limits and sign-in failures start from nothing.
  const redisPrefix = `e2e-${randomBytes(6).toString('hex')}`;
  // PGlite is one process's database: a second server needs PostgreSQL.
  const count = env.DATABASE_URL ? 2 : 1;
  const urls = [];
  for (let i = 0; i < count; i++) {
    urls.push(await startServer(env, authSecret, redisPrefix));
    console.log(`e2e: server ${i + 1} ready at ${urls[i]}`);
  }
  if (count === 1)
    console.log('e2e: one server (PGlite); e2e/two-servers.spec.ts runs on PostgreSQL (DATABASE_URL) only');
  const fresh = await freshOrgServer(base, authSecret, redisPrefix);
  const playwrightEnv = {
    ...env,
    BASE_URL: urls[0],
    ...(urls[1] && { BASE_URL_2: urls[1] }),
    E2E_SESSIONS: sessions,
    E2E_FRESH_URL: fresh.url,
    E2E_FRESH_EMAIL: fresh.email,
    E2E_FRESH_PASSWORD: fresh.password,
  };
  return run('npx', ['playwright', 'test', ...process.argv.slice(2)], playwrightEnv);
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(`e2e: ${err.message}`);
} finally {
  await cleanUp();
}
process.exit(code);
