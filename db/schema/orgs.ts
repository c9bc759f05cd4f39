import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  check,
  primaryKey,
} from 'drizzle-orm/pg-core';
import {
  API_ACCESS,
  API_CLIENT_KINDS,
  type ApiAccess,
  REGIONS,
  STAFF_ROLES,
  type ApiClientKind,
  type Region,
  type StaffRole,
} from '@/lib/vocabulary';
import { isOneOf } from './one-of';

export const orgs = pgTable(
  'orgs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    region: text('region').$type<Region>().notNull(),
    /** Per-org override of the region's requests per minute; null = the region's default. */
    rateLimitOverride: integer('rate_limit_override'),
    /** Bumped by every configuration save: caches compare it. */
    configVersion: integer('config_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orgs_code_key').on(t.code),
    check('orgs_region_check', isOneOf(t.region, REGIONS)),
    check('orgs_rate_limit_override_check', sql`${t.rateLimitOverride} is null or ${t.rateLimitOverride} > 0`),
  ],
);

/** Store tills. A till code is global: Basic authentication names a till without its org. */
export const tills = pgTable(
  'tills',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('tills_code_key').on(t.code)],
);

/**
 * Callers of the API. A TILL client signs in with Basic (till code + MD5 of its password); an
 * OAUTH_CLIENT exchanges key + secret for a token. `secretHash` is scrypt(md5hex(secret), salt) with
 * its scheme named (lib/auth/secrets.ts), never the secret itself.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    kind: text('kind').$type<ApiClientKind>().notNull(),
    /** Till code (TILL) or OAuth key (OAUTH_CLIENT). Unique across orgs. */
    key: text('key').notNull(),
    tillId: integer('till_id'),
    secretSalt: text('secret_salt').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Access values (lib/vocabulary.ts API_ACCESS); `customers:write` was the old can_write_customers. */
    access: text('access')
      .array()
      .$type<ApiAccess[]>()
      .notNull()
      .default(sql`'{customers:read}'::text[]`),
    /** The secret before the last rotation, accepted until `previousSecretExpiresAt` (the overlap). */
    previousSecretSalt: text('previous_secret_salt'),
    previousSecretHash: text('previous_secret_hash'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per client and process (lib/auth/last-used.ts), never per request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('api_clients_key_key').on(t.key),
    check(
      'api_clients_access_check',
      sql`${t.access} <@ ${sql.raw(`array[${API_ACCESS.map((a) => `'${a}'`).join(', ')}]::text[]`)}`,
    ),
    foreignKey({ columns: [t.orgId, t.tillId], foreignColumns: [tills.orgId, tills.id] }),
    check('api_clients_kind_check', isOneOf(t.kind, API_CLIENT_KINDS)),
  ],
);

/** People who sign in to the browser UI. Passwords are bcrypt hashes. */
export const staffUsers = pgTable(
  'staff_users',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    active: boolean('active').notNull().default(true),
    /** Set with a one-time password (new user, reset): the next sign-in must choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** TOTP second factor (admins): the secret encrypted with a key derived from AUTH_SECRET (lib/admin/totp.ts). */
    totpSecret: text('totp_secret'),
    /** Set once a code from the authenticator app was accepted; until then the secret is only pending. */
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** SHA-256 of each unused recovery code (high-entropy, so a fast hash suffices). */
    totpRecoveryHashes: text('totp_recovery_hashes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
    check('staff_users_role_check', isOneOf(t.role, STAFF_ROLES)),
  ],
);
