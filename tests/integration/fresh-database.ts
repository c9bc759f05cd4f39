// Brand-new migrated and seeded databases for tests that need the demo data untouched: a new
// PostgreSQL database when DATABASE_URL is set (dropped afterwards; on Citus with its workers'), else a new PGlite.
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { closeDb, pgliteOptions } from '@/db/client';
import * as schema from '@/db/schema';
import { migrateDatabase, seedDatabase, startUp } from '@/lib/startup';
import { createTestDatabase } from './test-database';

interface PostgresDatabase {
  url: string;
  db: Db;
  close(): Promise<void>;
  drop(): Promise<void>;
}

/** A new database on the server of `serverUrl`, migrated and seeded, with an open connection. */
async function createPostgresDatabase(serverUrl: string, prefix: string, samples: boolean): Promise<PostgresDatabase> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const name = `${prefix}_${randomInt(1e9, 1e10 - 1)}`;
  const { url, drop } = await createTestDatabase(serverUrl, name);
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrateDatabase(db, 'postgres');
  await seedDatabase(db, { demo: true, samples });
  return {
    url,
    db,
    close: () => client.end(),
    drop,
  };
}

/**
 * Runs `fn` on a database of its own, gone afterwards: the demo orgs without their sample customers
 * (a few seconds each to register) unless `samples` asks for them.
 */
export async function withFreshDatabase<T>(fn: (db: Db) => Promise<T>, { samples = false } = {}): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const fresh = await createPostgresDatabase(url, 'mc_fresh', samples);
    try {
      return await fn(fresh.db);
    } finally {
      await fresh.close();
      await fresh.drop();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(await pgliteOptions());
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrateDatabase(db, 'pglite');
    await seedDatabase(db, { demo: true, samples });
    return await fn(db);
  } finally {
    await client.close();
  }
}

/**
 * Gives the calling test file a database of its own (its route handlers included). Call at the top
 * level of the file, before anything opens the database.
 */
export function isolateDatabaseForThisFile(): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const fresh = await createPostgresDatabase(url, 'mc_file', false);
      await fresh.close();
      process.env.DATABASE_URL = fresh.url;
      drop = fresh.drop;
    } else {
      // The app's own client on an empty PGlite folder, readied as the server readies it.
      const dir = mkdtempSync(path.join(tmpdir(), 'member-care-file-'));
      process.env.PGLITE_DIR = path.join(dir, 'pglite');
      await startUp({ demo: true, samples: false });
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });
}
