// The POST /v2/customers body. `RegistrationRequestSchema` is the wire shape (types only: it feeds the
// OpenAPI document and the 400 schema errors); `buildRegistrationSchema(config)` (registration-schema.ts)
// adds the org's rules and yields the normalised registration. The API, the form's resolver and the
// docs share both.
import { z } from 'zod';
import { LOYALTY_TYPES } from '@/lib/vocabulary';

/** JSON booleans, or the strings "true"/"false" (the seed uses both). */
// Capillary clients send "true", "TRUE", "False", …: any case is accepted. The pattern spells the case
// out (not the `i` flag) so that the OpenAPI document states it as exactly.
const BoolLike = z
  .union([z.boolean(), z.string().regex(/^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$/, 'expected true or false')])
  .meta({ description: 'true or false: a boolean, or a string in any case ("true", "TRUE", "False")' });
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const FieldMap = z.record(z.string(), Scalar);
export const Text = z.union([z.string(), z.number()]);

// Numbers the API stores, bounded by their columns (db/schema), so a number too big for its column is
// a 400 naming it rather than a failed statement.
const INT4_MAX = 2_147_483_647;
/** An `integer` column's whole number (ids of programs, tiers and card series). */
export const ColumnInt = z
  .number()
  .int()
  .min(-INT4_MAX - 1)
  .max(INT4_MAX);
/** A `numeric(18, 3)` amount (enrolment points): fewer than 15 digits before the point. */
export const ColumnAmount = z.number().min(0).lt(1e15);

export const IdentifierSchema = z.object({
  type: z.string().meta({ description: 'mobile, email, externalId, cardnumber, … (case-insensitive)' }),
  value: Text,
  seriesId: z
    .union([ColumnInt, z.string().regex(/^\d+$/, 'expected a number')])
    .optional()
    .meta({ description: 'Card series (card identifiers)' }),
  statusLabel: z.string().optional().meta({ description: 'Card status: ACTIVE, INACTIVE, EXPIRED, …' }),
  extendedFields: FieldMap.optional().meta({ description: 'Card-level extended fields' }),
});

export const CommChannelSchema = z.object({
  type: z.string().meta({ description: 'mobile, email, cardnumber, wechat, ios, android, line, mobilePush, whatsapp' }),
  value: Text,
  primary: BoolLike.optional(),
  verified: BoolLike.optional(),
  subscribed: BoolLike.optional(),
  meta: z
    .object({ residence: BoolLike.optional(), office: BoolLike.optional(), lastViewedDate: z.string().optional() })
    .catchall(z.unknown())
    .optional(),
});

export const ProfileSchema = z.object({
  firstName: z.string().nullish().meta({ description: 'At most 100 characters; longer is cut with warning 8119' }),
  lastName: z.string().nullish(),
  identifiers: z.array(IdentifierSchema).optional(),
  commChannels: z.array(CommChannelSchema).optional(),
  fields: FieldMap.nullish().meta({ description: 'Custom fields defined by the org' }),
  source: z.string().nullish().meta({ description: 'One of the 12 sources enabled for the org' }),
  accountId: Text.nullish().meta({
    description: 'Required for multi-account sources (WECHAT, LINE, FACEBOOK, MOBILE_APP, WEB_ENGAGE)',
  }),
});

export const EnrollmentSchema = z.object({
  programId: ColumnInt,
  tierNumber: ColumnInt.min(1).optional(),
  loyaltyPoints: ColumnAmount.optional(),
  tierExpiryDate: z.string().nullish().meta({ description: 'ISO 8601 with offset, e.g. 2024-05-11T16:36:17+05:30' }),
  pointsExpiryDate: z.string().nullish(),
});

export const RegistrationRequestSchema = z
  .object({
    associatedWith: z.string().nullish().meta({ description: 'Till code associated with the customer' }),
    loyaltyInfo: z.object({ loyaltyType: z.enum(LOYALTY_TYPES).optional() }).nullish(),
    profiles: z.array(ProfileSchema).min(1, 'at least one profile is required'),
    extendedFields: FieldMap.nullish(),
    loyaltyProgramEnrollments: z.array(EnrollmentSchema).nullish(),
    referralCode: z.string().nullish(),
    statusLabel: z.string().nullish(),
  })
  .meta({ id: 'RegistrationRequest' });

export type RegistrationRequest = z.input<typeof RegistrationRequestSchema>;
export type ParsedRegistrationRequest = z.output<typeof RegistrationRequestSchema>;
