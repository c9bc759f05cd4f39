import { z } from 'zod';

/** The environment, validated once on first use (never at import: `next build` imports everything). */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set: postgres.js against that server. Unset: embedded PGlite under PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('.data/pglite'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(12),
  LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Set: rate limits are shared by every app process through Redis. */
  REDIS_URL: z.string().url().optional(),
  /** Signs sessions and OAuth tokens. Required in production. */
  AUTH_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema> & { AUTH_SECRET: string };

const DEV_SECRET = 'member-care-development-secret-do-not-use-in-production';

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = { ...process.env, NEXTAUTH_SECRET: undefined };
  const parsed = EnvSchema.parse({ ...raw, AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  if (!parsed.AUTH_SECRET && parsed.NODE_ENV === 'production' && process.env.ALLOW_DEV_SECRET !== '1') {
    throw new Error('AUTH_SECRET must be set in production (at least 16 characters).');
  }
  cached = { ...parsed, AUTH_SECRET: parsed.AUTH_SECRET ?? DEV_SECRET };
  return cached;
}
