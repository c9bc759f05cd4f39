// The administration API's request and response shapes (api-contract §16): routes parse with them,
// the OpenAPI document is generated from them (lib/openapi/admin-operations.ts).
import { z } from 'zod';
import { API_ACCESS, API_CLIENT_KINDS, STAFF_ROLES } from '@/lib/vocabulary';

const IsoUtc = z.iso.datetime().meta({ description: 'ISO 8601, UTC', example: '2026-12-06T05:00:00.000Z' });
const Id = z.number().int().positive();
const Email = z.string().trim().toLowerCase().max(320).pipe(z.email());
const Name = z.string().trim().min(1).max(200);
/** A key is what a till types (its code) or an integrator configures: printable, no spaces or colon. */
const Key = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{3,100}$/, 'expected 3 to 100 of A-Z a-z 0-9 . _ @ -')
  .meta({ example: 'store42.till' });
const Access = z
  .array(z.enum(API_ACCESS))
  .max(API_ACCESS.length)
  .transform((a) => [...new Set(a)])
  .meta({ description: '`customers:write` implies `customers:read`; `admin` implies every other value' });

export const StaffCreateRequestSchema = z
  .strictObject({ email: Email, name: Name, role: z.enum(STAFF_ROLES) })
  .meta({ id: 'StaffCreateRequest' });

export const StaffUpdateRequestSchema = z
  .strictObject({ name: Name.optional(), role: z.enum(STAFF_ROLES).optional(), active: z.boolean().optional() })
  .meta({ id: 'StaffUpdateRequest' });

export const ApiClientCreateRequestSchema = z
  .strictObject({
    kind: z.enum(API_CLIENT_KINDS),
    key: Key.meta({ description: 'The till code (TILL, the user name of Basic) or the OAuth key. Unique across orgs' }),
    access: Access,
    tillCode: Key.optional().meta({ description: 'TILL only: the till it is; defaults to `key`, and must equal it' }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'OAUTH_CLIENT' && v.tillCode !== undefined)
      ctx.addIssue({ code: 'custom', path: ['tillCode'], message: 'only a TILL has a till code' });
    if (v.kind === 'TILL' && v.tillCode !== undefined && v.tillCode !== v.key)
      ctx.addIssue({ code: 'custom', path: ['tillCode'], message: "a till's key is its till code" });
  })
  .meta({ id: 'ApiClientCreateRequest' });

export const ApiClientUpdateRequestSchema = z
  .strictObject({ access: Access.optional(), active: z.boolean().optional() })
  .meta({ id: 'ApiClientUpdateRequest' });

export const RotateRequestSchema = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(86_400)
      .meta({ description: 'How long the old secret keeps working (0: it fails at once, within the 60 s recheck)' }),
  })
  .meta({ id: 'ApiClientRotateRequest' });

export const StaffMemberSchema = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    active: z.boolean(),
    createdAt: IsoUtc,
    lastSignInAt: IsoUtc.nullable(),
  })
  .meta({ id: 'StaffMember' });
export const StaffListResponseSchema = z.object({ staff: z.array(StaffMemberSchema) }).meta({ id: 'StaffList' });
export const StaffCreatedResponseSchema = z
  .object({
    id: Id,
    oneTimePassword: z.string().meta({ description: 'Shown once; the first sign-in must choose a new password' }),
  })
  .meta({ id: 'StaffCreated' });
export const OneTimePasswordResponseSchema = z
  .object({ oneTimePassword: z.string().meta({ description: 'Shown once; the old password stopped working' }) })
  .meta({ id: 'OneTimePassword' });

export const ApiClientSchema = z
  .object({
    id: Id,
    kind: z.enum(API_CLIENT_KINDS),
    key: z.string(),
    tillCode: z.string().nullable(),
    access: z.array(z.enum(API_ACCESS)),
    active: z.boolean(),
    createdAt: IsoUtc,
    lastUsedAt: IsoUtc.nullable().meta({ description: 'To the minute (written at most once a minute)' }),
  })
  .meta({ id: 'ApiClient' });
export const ApiClientListResponseSchema = z
  .object({ clients: z.array(ApiClientSchema) })
  .meta({ id: 'ApiClientList' });
export const ApiClientCreatedResponseSchema = z
  .object({
    id: Id,
    key: z.string(),
    secret: z.string().meta({ description: "Shown once (a till's password); stored only as a slow hash" }),
  })
  .meta({ id: 'ApiClientCreated' });
export const SecretResponseSchema = z
  .object({ secret: z.string().meta({ description: 'The new secret, shown once' }) })
  .meta({ id: 'ApiClientSecret' });

export const AuditEntrySchema = z
  .object({
    id: Id,
    at: IsoUtc,
    action: z.string().meta({ example: 'staff.update' }),
    actor: z.object({ type: z.string(), code: z.string() }),
    target: z.string().meta({ description: '`staff:{id}`, `apiClient:{id}` or `org:{id}`', example: 'staff:12' }),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });
export const AuditResponseSchema = z.object({ entries: z.array(AuditEntrySchema) }).meta({ id: 'AuditLog' });
