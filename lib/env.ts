import 'server-only';
import { z } from 'zod';
import { DatabaseEnvSchema } from '@/db/env';

/** The environment, validated once on first use (never at import: `next build` imports everything). */
const EnvSchema = DatabaseEnvSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  /** off: this process runs no background worker (one runs as `npm run worker`). */
  WORKER: z.enum(['on', 'off']).default('on'),
  /** How long a worker's claim of a delivery holds: after a crash, the delivery is sent again after this. */
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** How long a worker's claim of an import job holds without a checkpoint: after a crash, another worker resumes it then. */
  IMPORT_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /**
   * Hosts (names or addresses, comma-separated) webhooks may reach although they are private,
   * loopback or link-local (refused in production otherwise).
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** A bad environment, described by variable name (never by value: some are secrets). */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

const DEV_SECRET = 'member-care-development-secret-do-not-use-in-production';

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvironmentError(`Invalid environment. ${problems.join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The key material for sessions and tokens. A fixed development secret outside production; in
 * production it must be set (the start-up check asks for it before the server answers anything).
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') {
    throw new EnvironmentError(
      'AUTH_SECRET must be set in production (at least 16 characters; NEXTAUTH_SECRET works too).',
    );
  }
  return DEV_SECRET;
}
