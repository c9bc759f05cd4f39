// A brand-new migrated and seeded database for one test: a new PostgreSQL database when DATABASE_URL
// is set (dropped afterwards), else an in-memory PGlite.
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { closeDb, MIGRATIONS_FOLDER } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import * as schema from '@/db/schema';

export async function withFreshDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create();
    try {
      const db = drizzle(client, { schema }) as unknown as Db;
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      await seedDemoData(db);
      return await fn(db);
    } finally {
      await client.close();
    }
  }
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const name = `mc_fresh_${randomInt(1e9, 1e10 - 1)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = postgres(target.toString(), { max: 4, onnotice: () => {} });
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await seedDemoData(db);
    return await fn(db);
  } finally {
    await client.end();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Gives the calling test file a database of its own (route handlers included), for tests that need
 * the demo data untouched by other files. Call at the top level of the file, before anything opens
 * the database.
 */
export function useFreshDatabaseForThisFile(): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) {
      const dir = mkdtempSync(path.join(tmpdir(), 'member-care-file-'));
      process.env.PGLITE_DIR = path.join(dir, 'pglite');
      drop = async () => rmSync(dir, { recursive: true, force: true });
      return;
    }
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const name = `mc_file_${randomInt(1e9, 1e10 - 1)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const client = postgres(target.toString(), { max: 1, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await seedDemoData(db);
    await client.end();
    process.env.DATABASE_URL = target.toString();
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });
}
