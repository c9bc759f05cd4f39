// A fresh database for each integration run: a new PostgreSQL database when DATABASE_URL is set
// (dropped afterwards), else a new embedded PGlite folder. Migrated and seeded before any test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import postgres from 'postgres';

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
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  execFileSync('npm', ['run', '--silent', 'db:migrate'], { stdio: 'inherit', env: process.env });
  execFileSync('npm', ['run', '--silent', 'db:seed', '--', '--demo'], { stdio: 'inherit', env: process.env });
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
