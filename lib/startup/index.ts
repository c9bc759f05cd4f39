// Start-up in one place: what a process does before it serves anything or touches the database.
// The server (server.ts) runs it before it listens; npm run db:migrate / db:seed and the tests call it too.
// The embedded database (PGlite) is migrated and seeded here; on PostgreSQL the deployment decides
// when (npm run db:migrate, npm run db:seed -- --demo), so a server only checks its environment.
import 'server-only';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { makeStepsFunction, getHandle, type Db, type DbKind } from '@/db/client';
import { changeStatement } from '@/db/queries/customer-care';
import { registrationStatements } from '@/db/queries/registration';
import { upgradeSecretHashes } from '@/lib/auth/secret-upgrade';
import { authSecret, env, EnvironmentError } from '@/lib/env';
import { log, loggableError } from '@/lib/log';
import { seedDemoData, seedPlatformData } from './seed';

// Resolved at run time from the working directory; the bundler must not trace it.
export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/**
 * Checks every variable, and with `server` what only the server needs (AUTH_SECRET in production).
 * Throws an EnvironmentError naming the variable.
 */
export function checkEnvironment({ server }: { server: boolean }): void {
  const { NODE_ENV } = env();
  if (server && NODE_ENV === 'production') authSecret();
}

/** The writes of one customer whose statements insert in CTEs: on Citus, functions of plain statements. */
export const ORG_WRITE_STATEMENTS = [registrationStatements.new, registrationStatements.existing, changeStatement];

/**
 * Applies the committed migrations (db/migrations); on Citus makes the writes of one customer functions of
 * plain statements (db/client.ts, makeStepsFunction); then the one step SQL cannot do: old API
 * client secret hashes wrapped in scrypt (lib/auth/secret-upgrade.ts). Returns how many hashes it upgraded.
 */
export async function migrateDatabase(db: Db, kind: DbKind): Promise<number> {
  if (kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // One migrator at a time, even when several processes start together.
    await db.execute(sql`select pg_advisory_lock(727001)`);
    try {
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      for (const statement of ORG_WRITE_STATEMENTS) await makeStepsFunction(db, statement);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(727001)`);
    }
  }
  return upgradeSecretHashes(db);
}

export type Seeded = 'nothing' | 'platform' | 'demo';

/**
 * Loads the platform data (verticals, extended-field catalogue) and, when `demo`, the demo orgs with
 * their logins. Idempotent.
 */
export async function seedDatabase(
  db: Db,
  { demo, samples = true }: { demo: boolean; samples?: boolean },
): Promise<Seeded> {
  if (demo) await seedDemoData(db, { samples });
  else await seedPlatformData(db);
  return demo ? 'demo' : 'platform';
}

export interface StartUpOptions {
  /** Also what only the server needs: AUTH_SECRET in production. Default true; scripts turn it off. */
  server?: boolean;
  /** Apply the migrations. Default: on the embedded database only. */
  migrate?: boolean;
  /** Load the platform data, and the demo data outside production. Default: on the embedded database only. */
  seed?: boolean;
  /** Load the demo data in production too: only when asked for explicitly (npm run db:seed -- --demo). */
  demo?: boolean;
  /** With the demo data, its sample customers too (default true; tests that need none leave them out). */
  samples?: boolean;
}

export interface StartUpReport {
  kind: DbKind;
  migrated: boolean;
  /** API client secret hashes of an older scheme, upgraded by the migration step. */
  upgradedSecretHashes: number;
  seeded: Seeded;
}

export async function startUp(options: StartUpOptions = {}): Promise<StartUpReport> {
  checkEnvironment({ server: options.server ?? true });
  const { db, kind } = await getHandle();
  const embedded = kind === 'pglite';
  const migrate = options.migrate ?? embedded;
  const seed = options.seed ?? embedded;
  const upgradedSecretHashes = migrate ? await migrateDatabase(db, kind) : 0;
  const demo = options.demo === true || env().NODE_ENV !== 'production';
  const seeded = seed ? await seedDatabase(db, { demo, samples: options.samples }) : 'nothing';
  return { kind, migrated: migrate, upgradedSecretHashes, seeded };
}

/** The server's start (server.ts): ready, or the process ends with a message saying why. */
export async function startServerOrExit(): Promise<void> {
  try {
    await startUp();
  } catch (err) {
    if (err instanceof EnvironmentError) {
      console.error(`member-care cannot start: ${err.message}`);
    } else {
      // Never the message: a driver's may quote data.
      log.fatal({ err: loggableError(err) }, 'member-care cannot start: the database could not be prepared');
    }
    process.exit(1);
  }
}
