// Start-up (lib/startup, run by server.ts before it listens): a production server without AUTH_SECRET or with
// a bad variable stops at once, naming it; the demo data never reaches a production database unless
// asked for with `npm run db:seed -- --demo` (docs/api.md). Each case runs in a process of its own on
// an embedded database of its own, as the server and the script do.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WORKER = path.join(import.meta.dirname, 'workers', 'start-server-worker.ts');
const dirs: string[] = [];
// Each case starts processes that migrate an embedded database: slow on a busy machine.
const SLOW = { timeout: 300_000 };

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An environment of a production process on an empty embedded database of its own. */
function production(extra: Partial<NodeJS.ProcessEnv> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(tmpdir(), 'member-care-start-'));
  dirs.push(dir);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'NEXTAUTH_SECRET']) delete env[name];
  return { ...env, PGLITE_DIR: path.join(dir, 'pglite'), ...extra };
}

async function exec(command: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const startServer = (env: NodeJS.ProcessEnv) => exec('npx', ['tsx', '--conditions=react-server', WORKER], env);
const seed = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  exec('npm', ['run', '--silent', 'db:seed', '--', ...args], env);

/** Rows of the demo's logins and of the platform data in an embedded database. */
async function contents(env: NodeJS.ProcessEnv): Promise<{ orgs: number; staff: number; verticals: number }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(env.PGLITE_DIR);
  try {
    const count = async (table: string) =>
      Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);
    return { orgs: await count('orgs'), staff: await count('staff_users'), verticals: await count('verticals') };
  } finally {
    await db.close();
  }
}

describe('start-up in production', () => {
  it('stops a server without AUTH_SECRET, naming it', SLOW, async () => {
    const result = await startServer(production());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('AUTH_SECRET');
    expect(result.stdout).not.toContain('READY');
  });

  it('stops a server with a bad variable, naming it and not its value', SLOW, async () => {
    const result = await startServer(production({ AUTH_SECRET: 'x'.repeat(32), DB_POOL_MAX: '100000' }));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DB_POOL_MAX');
    expect(result.stderr).not.toContain('100000');
    expect(result.stdout).not.toContain('READY');
  });

  it(
    'readies the embedded database without the demo data; npm run db:seed loads it only with --demo',
    SLOW,
    async () => {
      const env = production({ AUTH_SECRET: 'x'.repeat(32) });
      const result = await startServer(env);
      expect(result.stdout).toContain('READY');
      expect(result.code).toBe(0);
      expect(await contents(env)).toEqual({ orgs: 0, staff: 0, verticals: 3 });

      expect((await seed(env)).code).toBe(0);
      expect(await contents(env)).toEqual({ orgs: 0, staff: 0, verticals: 3 });
      expect((await seed(env, '--demo')).code).toBe(0);
      const after = await contents(env);
      expect(after.orgs).toBeGreaterThan(0);
      expect(after.staff).toBeGreaterThan(0);
    },
  );
});

describe('start-up outside production', () => {
  it('loads the demo data into the embedded database, as for a newcomer', SLOW, async () => {
    const env = production({ NODE_ENV: 'development' });
    const result = await startServer(env);
    expect(result.stdout).toContain('READY');
    const after = await contents(env);
    expect(after.orgs).toBeGreaterThan(0);
    expect(after.staff).toBeGreaterThan(0);
  });
});
