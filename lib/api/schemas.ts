// The API's response shapes (and the token request), as zod schemas: the read routes' output types
// and the OpenAPI document both come from here, so what is documented is what is typed. Where a body
// is what the engine answers, its schema `satisfies` the engine's own type (lib/customers/views.ts), and
// the route types the body it sends by the schema: the two are held to each other both ways.
import { z } from 'zod';
import type {
  AlternateCurrencySideEffectItem,
  CouponSideEffectItem,
  CustomerSearchHit,
  CustomerView,
  EnrollmentView,
  HistoryEntry,
  PointsSideEffectItem,
  ProfileView,
  SideEffectItem,
} from '@/lib/customers/views';
import { ERROR_CATALOGUE, WARNING_CATALOGUE } from '@/lib/errors';
import {
  ACTOR_TYPES,
  CUSTOMER_STATUSES,
  EXTENDED_FIELD_TYPES,
  HISTORY_ACTIONS,
  LOYALTY_TYPES,
  SOURCES,
} from '@/lib/vocabulary';

const ERROR_CODES = Object.keys(ERROR_CATALOGUE).map(Number);
const WARNING_CODES = Object.keys(WARNING_CATALOGUE).map(Number);
const IsoUtc = z.iso.datetime().meta({ description: 'ISO 8601, UTC', example: '2025-02-11T11:06:17Z' });
const Id = z.number().int().positive();

export const WarningSchema = z
  .object({
    status: z.literal(false),
    code: z.literal(WARNING_CODES).meta({ description: 'A code of the warning catalogue (x-warning-codes)' }),
    message: z.string(),
  })
  .meta({ id: 'Warning' });

export const ErrorItemSchema = z
  .object({
    status: z.literal(false),
    code: z.literal(ERROR_CODES).meta({ description: 'A code of the error catalogue (x-error-codes)' }),
    message: z.string(),
    field: z.string().optional().meta({ description: 'JSON path of the offending value, when there is one' }),
  })
  .meta({ id: 'Error' });

const Warnings = z.array(WarningSchema);
const Errors = z.array(ErrorItemSchema).min(1);

export const PointsSideEffectSchema = z
  .object({
    entityType: z.literal('USER'),
    rawAwardedPoints: z.number().meta({ description: 'The exact points' }),
    awardedPoints: z.number().int().meta({ description: 'The whole number of points' }),
    type: z.literal('points'),
    isReferrer: z.boolean().optional().meta({ description: 'true: a referral bonus, awarded to customerId' }),
    customerId: Id.optional().meta({ description: 'The referrer who receives a referral bonus' }),
  })
  .meta({ id: 'PointsSideEffect' }) satisfies z.ZodType<PointsSideEffectItem>;

export const AlternateCurrencySideEffectSchema = z
  .object({
    entityType: z.literal('USER'),
    rawAwardedValue: z.number(),
    awardedValue: z.number().int(),
    alternateCurrencyIdentifier: z.string(),
    alternateCurrencyName: z.string(),
    type: z.literal('alternate_currency'),
  })
  .meta({ id: 'AlternateCurrencySideEffect' }) satisfies z.ZodType<AlternateCurrencySideEffectItem>;

export const CouponSideEffectSchema = z
  .object({
    id: Id,
    entityType: z.literal('USER'),
    couponType: z.string(),
    couponCode: z.string(),
    validTill: IsoUtc,
    description: z.string(),
    discountCode: z.string(),
    trimmedCouponCode: z.string(),
    type: z.literal('coupon'),
  })
  .meta({ id: 'CouponSideEffect' }) satisfies z.ZodType<CouponSideEffectItem>;

export const SideEffectSchema = z
  .discriminatedUnion('type', [PointsSideEffectSchema, AlternateCurrencySideEffectSchema, CouponSideEffectSchema])
  .meta({ id: 'SideEffect' }) satisfies z.ZodType<SideEffectItem>;

/** POST /v2/customers, HTTP 200. */
export const RegistrationSuccessSchema = z
  .object({
    createdId: Id,
    warnings: Warnings,
    sideEffects: z.array(SideEffectSchema),
  })
  .meta({ id: 'RegistrationSuccess' });

/** POST /v2/customers, any failure: nothing was written. */
export const RegistrationFailureSchema = z
  .object({
    createdId: z.null(),
    warnings: Warnings,
    errors: Errors,
  })
  .meta({ id: 'RegistrationFailure' });

/** POST /v2/customers/bulk, HTTP 200: one result per body, in order. */
export const BulkRegistrationResponseSchema = z
  .object({
    results: z.array(
      z
        .object({
          index: z.number().int().min(0).meta({ description: "The body's place in the request, from 0" }),
          createdId: Id.nullable().meta({ description: 'As POST /v2/customers answers; null when the body failed' }),
          warnings: Warnings,
          errors: z.array(ErrorItemSchema).meta({ description: 'Empty when the body succeeded' }),
        })
        .meta({ id: 'BulkResult' }),
    ),
    warnings: Warnings,
  })
  .meta({ id: 'BulkRegistrationResponse' });

/** Every other /v2 failure. */
export const ErrorResponseSchema = z.object({ warnings: Warnings, errors: Errors }).meta({ id: 'ErrorResponse' });

/** /v3 failures. */
export const V3ErrorResponseSchema = z
  .object({ data: z.null(), warnings: Warnings, errors: Errors })
  .meta({ id: 'V3ErrorResponse' });

const IdentifierViewSchema = z
  .object({
    type: z.string(),
    value: z.string(),
    seriesId: z.number().int().optional(),
    statusLabel: z.string().optional(),
    extendedFields: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'IdentifierView' });

const CommChannelViewSchema = z
  .object({
    type: z.string(),
    value: z.string(),
    primary: z.boolean(),
    verified: z.boolean(),
    subscribed: z.boolean().optional(),
    meta: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CommChannelView' });

export const ProfileViewSchema = z
  .object({
    source: z.enum(SOURCES),
    accountId: z.string().meta({ description: '"" for single-account sources' }),
    firstName: z.string(),
    lastName: z.string(),
    identifiers: z
      .array(IdentifierViewSchema)
      .meta({ description: "The org's primary identifier type first, then request order" }),
    commChannels: z.array(CommChannelViewSchema),
    fields: z.record(z.string(), z.unknown()).meta({ description: 'Custom fields' }),
    attribution: z.object({
      createDate: IsoUtc,
      createdBy: z.object({ code: z.string(), type: z.enum(ACTOR_TYPES) }),
    }),
  })
  .meta({ id: 'ProfileView' }) satisfies z.ZodType<ProfileView>;

export const EnrollmentViewSchema = z
  .object({
    programId: z.number().int(),
    programName: z.string(),
    tierNumber: z.number().int(),
    tierName: z.string(),
    loyaltyPoints: z.number(),
    tierExpiryDate: IsoUtc.nullable(),
    pointsExpiryDate: IsoUtc.nullable(),
  })
  .meta({ id: 'EnrollmentView' }) satisfies z.ZodType<EnrollmentView>;

/** GET /v2/customers/{id} (docs/api.md#reading-a-customer), and what the customer page shows. */
export const CustomerViewSchema = z
  .object({
    id: Id,
    version: z
      .number()
      .int()
      .positive()
      .meta({ description: 'Bumped by every change of the customer; also the ETag header ("7"), for If-Match' }),
    statusLabel: z.string().nullable().meta({ description: "The org's label; null without one" }),
    status: z.enum(CUSTOMER_STATUSES).meta({ description: 'The status under the label; ACTIVE without one' }),
    loyaltyInfo: z.object({ loyaltyType: z.enum(LOYALTY_TYPES) }),
    extendedFields: z.record(z.string(), z.unknown()).meta({ description: 'DATETIME values are ISO 8601 in UTC' }),
    profiles: z
      .array(ProfileViewSchema)
      .meta({ description: 'One per source account; INSTORE first, then by creation' }),
    loyaltyProgramEnrollments: z.array(EnrollmentViewSchema),
    sideEffects: z
      .array(SideEffectSchema)
      .meta({ description: 'What the registration issued, as in its POST response' }),
    referralCode: z.string(),
    registeredTill: z.string().nullable().meta({ description: 'associatedWith, else the calling till, else null' }),
    warnings: Warnings,
  })
  .meta({ id: 'Customer' }) satisfies z.ZodType<CustomerView & { warnings: unknown[] }>;
export type CustomerWire = z.infer<typeof CustomerViewSchema>;

/** PUT /v2/customers/{id} and POST /v2/customers/{id}/changeIdentifier, HTTP 200. */
export const CustomerWriteSuccessSchema = z
  .object({
    id: Id,
    version: z.number().int().positive().meta({ description: 'The version now (also the ETag header)' }),
    warnings: Warnings,
  })
  .meta({ id: 'CustomerWriteSuccess' });

export const HistoryChangeSchema = z
  .object({
    path: z.string().meta({
      description:
        'What changed: profiles.INSTORE.firstName, extendedFields.city, statusLabel, identifiers.INSTORE.mobile, …',
    }),
    before: z.unknown().meta({ description: 'null when there was none' }),
    after: z.unknown().meta({ description: 'null when cleared or removed' }),
    redacted: z
      .literal(true)
      .optional()
      .meta({ description: "Present when the customer's personal data was erased: before and after are null" }),
  })
  .meta({ id: 'HistoryChange' });

export const HistoryEntrySchema = z
  .object({
    id: Id.meta({ description: 'Pass as ?before= for the next page' }),
    at: IsoUtc,
    action: z.enum(HISTORY_ACTIONS),
    actor: z.object({ type: z.enum(ACTOR_TYPES), code: z.string() }),
    requestId: z.string(),
    userContext: z
      .record(z.string(), z.string())
      .nullable()
      .meta({ description: 'The USER-CONTEXT-ENTITY-* headers of the request, when sent' }),
    reason: z.string().nullable().meta({ description: 'statusReason of the update, when given' }),
    changes: z.array(HistoryChangeSchema),
  })
  .meta({ id: 'HistoryEntry' }) satisfies z.ZodType<HistoryEntry>;

export const HistoryResponseSchema = z
  .object({ entries: z.array(HistoryEntrySchema).meta({ description: 'Newest first' }), warnings: Warnings })
  .meta({ id: 'HistoryResponse' });
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

export const CustomerSearchResponseSchema = z
  .object({
    customers: z.array(
      z.object({
        id: Id,
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
        statusLabel: z.string().nullable(),
        sources: z
          .array(z.string())
          .meta({ description: 'INSTORE, or "LINE · <accountId>" for a multi-account source' }),
        identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
      }),
    ),
    warnings: Warnings,
  })
  .meta({ id: 'CustomerSearchResponse' }) satisfies z.ZodType<{ customers: CustomerSearchHit[] }>;
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponseSchema>;

export const LookupResponseSchema = z.object({ entity: Id, warnings: Warnings }).meta({ id: 'LookupResponse' });

export const ExtendedFieldSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    label: z.string().meta({ description: "The org's label for the field, else the platform's" }),
    dataType: z.enum(EXTENDED_FIELD_TYPES),
    enumValues: z.array(z.string()),
    mandatory: z.boolean(),
    atCounter: z.boolean().meta({
      description: 'Shown in the registration form at the counter; the rest sit under "More details"',
    }),
  })
  .meta({ id: 'ExtendedField' });

export const ExtendedFieldsResponseSchema = z
  .object({
    entity: z.object({ customer: z.array(ExtendedFieldSchema), card: z.array(ExtendedFieldSchema) }),
    warnings: Warnings,
    errors: z.array(ErrorItemSchema),
    success: z.literal(true),
  })
  .meta({ id: 'ExtendedFieldsResponse' });

export const TokenRequestSchema = z
  .object({
    key: z.string().min(1).max(255),
    secret: z.string().min(1).max(1024).meta({ description: 'The plain secret (sent over TLS only)' }),
  })
  .meta({ id: 'TokenRequest' });

export const TokenResponseSchema = z
  .object({
    data: z.object({ accessToken: z.string(), ttlSeconds: z.literal(300) }),
    errors: z.null(),
    warnings: Warnings,
  })
  .meta({ id: 'TokenResponse' });

export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    database: z.enum(['ok', 'unreachable']),
  })
  .meta({ id: 'Health' });

export type LookupResponse = z.infer<typeof LookupResponseSchema>;
export type ExtendedFieldsResponse = z.infer<typeof ExtendedFieldsResponseSchema>;
