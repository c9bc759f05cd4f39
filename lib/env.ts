import { z } from 'zod';

/** The environment, validated once on first use (never at import: `next build` imports everything). */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  /** Set: rate limits and the sign-in throttle are shared by every app process through Redis. */
  REDIS_URL: z.string().url().optional(),
  /** Starts every Redis key, so deployments sharing one Redis keep their counts apart. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .default('member-care'),
  /** Signs sessions and OAuth tokens. Required in production (see authSecret). */
  AUTH_SECRET: z.string().min(16).optional(),
  /**
   * How old a cached staff user or API client row may be before it is read again: deactivating,
   * demoting or moving one takes effect within this time (docs/api.md, "Rechecks"). At most 60 s.
   */
  AUTH_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
  /** 1: the first X-Forwarded-For hop is the caller's address (a proxy we trust sets it). */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

const DEV_SECRET = 'member-care-development-secret-do-not-use-in-production';

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse({ ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  return cached;
}

/**
 * The key material for sessions and tokens. A fixed development secret outside production; in
 * production it must be set — asked for only where it is used, so migrations and seeds run without it.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') throw new Error('AUTH_SECRET must be set in production (at least 16 characters).');
  return DEV_SECRET;
}
