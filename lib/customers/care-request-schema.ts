// The wire shapes of PUT /v2/customers/{id} and POST /v2/customers/{id}/changeIdentifier, built from
// the registration's zod pieces; care-schema.ts puts the org's rules on top (normalise-care.ts).
import { z } from 'zod';
import { LOYALTY_TYPES } from '@/lib/vocabulary';
import { FieldMap, IdentifierSchema, ProfileSchema, Text } from './request-schema';

export const CustomerUpdateRequestSchema = z
  .object({
    profiles: z
      .array(
        ProfileSchema.pick({ firstName: true, lastName: true, commChannels: true, fields: true, identifiers: true }),
      )
      .max(1, 'at most one profile: the source account of ?source= and ?accountId=')
      .nullish()
      .meta({
        description:
          'The source account picked by ?source= (default INSTORE) and ?accountId=. Names: given → replaced, "" or null → ' +
          'cleared, absent → kept. commChannels given → replace the list. fields merge key by key ("" or null clears one). ' +
          'identifiers are ignored (8126): use changeIdentifier.',
      }),
    extendedFields: FieldMap.nullish().meta({ description: 'Merged key by key; "" or null clears a key' }),
    statusLabel: z.string().nullish().meta({ description: "One of the org's status labels (8086 otherwise)" }),
    statusReason: z.string().max(255).nullish().meta({ description: 'Why, stored in the history (at most 255)' }),
    loyaltyInfo: z
      .object({ loyaltyType: z.enum(LOYALTY_TYPES).optional() })
      .nullish()
      .meta({ description: 'non_loyalty → loyalty only (8129 the other way)' }),
  })
  .meta({ id: 'CustomerUpdateRequest' });

export type ParsedCustomerUpdateRequest = z.output<typeof CustomerUpdateRequestSchema>;

const IdentifierRefSchema = z.object({ type: z.string(), value: Text });

export const IdentifierChangeRequestSchema = z
  .object({
    add: z
      .array(IdentifierSchema)
      .optional()
      .meta({ description: 'Identifiers to add to the source account (cards with seriesId and statusLabel)' }),
    remove: z.array(IdentifierRefSchema).optional().meta({ description: 'Identifiers to remove from it' }),
  })
  .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, {
    message: 'add or remove needs at least one entry',
  })
  .meta({
    id: 'IdentifierChangeRequest',
    // The refinement above, as the OpenAPI document's JSON Schema states it.
    anyOf: [
      { required: ['add'], properties: { add: { minItems: 1 } } },
      { required: ['remove'], properties: { remove: { minItems: 1 } } },
    ],
  });

export type ParsedIdentifierChangeRequest = z.output<typeof IdentifierChangeRequestSchema>;
