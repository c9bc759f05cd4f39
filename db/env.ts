// The database's part of the environment. lib/env.ts extends it into the whole environment, which
// the start-up module checks before anything connects; db/ reads only its own part.
import { z } from 'zod';

export const DatabaseEnvSchema = z.object({
  /** Set: postgres.js against that server. Unset: embedded PGlite under PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('.data/pglite'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(12),
  LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /**
   * Bounds every statement on PostgreSQL (a stuck query frees its connection). Above LOCK_TIMEOUT_MS,
   * so a wait for a lock answers 521 first. PGlite ignores it (one in-process connection).
   */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(8000),
  /** How long opening a connection to PostgreSQL may take before the request answers 503. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
});
export type DatabaseEnv = z.infer<typeof DatabaseEnvSchema>;

/** Read when the client connects (never at import: `next build` imports every module). */
export function databaseEnv(): DatabaseEnv {
  return DatabaseEnvSchema.parse(process.env);
}
