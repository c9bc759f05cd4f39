// A fresh database for each integration run: a new PostgreSQL database when DATABASE_URL is set
// (dropped afterwards; on Citus, CITUS_URL, the coordinator's and its workers': test-database.ts), else
// a new embedded PGlite folder. Migrated and seeded before any test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createTestDatabase } from './test-database';

export default async function setup(): Promise<() => Promise<void>> {
  (process.env as Record<string, string>).NODE_ENV = 'test';
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), 'member-care-it-'));
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
    execFileSync('npm', ['run', '--silent', 'db:seed', '--', '--demo'], { stdio: 'inherit', env: process.env });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `mc_it_${process.pid}_${Date.now()}`;
  const { url, drop } = await createTestDatabase(base, name);
  process.env.DATABASE_URL = url;
  execFileSync('npm', ['run', '--silent', 'db:migrate'], { stdio: 'inherit', env: process.env });
  execFileSync('npm', ['run', '--silent', 'db:seed', '--', '--demo'], { stdio: 'inherit', env: process.env });
  return drop;
}
