// npm run db:migrate — applies the committed migrations to DATABASE_URL (or the embedded database).
import { closeDb, getHandle, MIGRATIONS_FOLDER } from '@/db/client';

const handle = await getHandle();
if (handle.kind === 'postgres') {
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { sql } = await import('drizzle-orm');
  // One migrator at a time, even when several processes start together.
  await handle.db.execute(sql`select pg_advisory_lock(727001)`);
  try {
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(727001)`);
  }
}
// PGlite migrates itself when opened. Then the one step SQL cannot do: old secret hashes to scrypt.
const { upgradeSecretHashes } = await import('@/lib/auth/secret-upgrade');
const upgraded = await upgradeSecretHashes(handle.db);
await closeDb();
console.log(`migrated (${handle.kind})${upgraded ? `; ${upgraded} API client secret hashes upgraded to scrypt` : ''}`);
