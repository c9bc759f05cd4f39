// The wire shapes of /v2/requests (docs/api.md, "Requests"): bodies in, the request out.
import { z } from 'zod';
import {
  CustomerViewSchema,
  ErrorItemSchema,
  HistoryChangeSchema,
  HistoryEntrySchema,
  WarningSchema,
} from '@/lib/api/schemas';
import { REQUEST_BASE_TYPES, REQUEST_STATUSES } from '@/lib/vocabulary';

const CustomerIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Comments = z.string().max(1000).optional();

export const MergeRequestBodySchema = z
  .object({
    type: z.literal('CHANGE_IDENTIFIER'),
    baseType: z.literal('MERGE'),
    victimId: CustomerIdSchema,
    survivorId: CustomerIdSchema,
    comments: Comments,
  })
  .meta({ id: 'MergeRequestBody' });

export const DeleteRequestBodySchema = z
  .object({
    type: z.literal('CUSTOMER'),
    baseType: z.literal('DELETE'),
    comments: Comments,
    customerId: CustomerIdSchema.optional(),
    customerIdentificationInfo: z
      .object({
        source: z.string().optional(),
        identifierType: z.string(),
        identifierValue: z.string().min(1).max(255),
      })
      .optional(),
  })
  .refine((b) => (b.customerId === undefined) !== (b.customerIdentificationInfo === undefined), {
    message: 'expected customerId or customerIdentificationInfo, one of them',
    path: ['customerId'],
  })
  .meta({ id: 'DeleteRequestBody' });

export const CreateRequestBodySchema = z
  .discriminatedUnion('baseType', [MergeRequestBodySchema, DeleteRequestBodySchema])
  .meta({ id: 'CreateRequestBody' });
export type CreateRequestBody = z.output<typeof CreateRequestBodySchema>;

export const DecideRequestBodySchema = z
  .object({
    status: z.enum(['APPROVED', 'REJECTED', 'CANCELLED', 'PENDING']),
    comments: Comments,
  })
  .meta({ id: 'DecideRequestBody' });
export type DecideRequestBody = z.output<typeof DecideRequestBodySchema>;

const Message = ErrorItemSchema;
const Warnings = z.array(WarningSchema);
const Who = z.object({ type: z.string(), code: z.string() });

const MergePreviewSchema = z
  .object({
    customer: CustomerViewSchema.omit({ warnings: true })
      .nullable()
      .meta({ description: 'The survivor as it would be after the merge; null when something blocks it' }),
    blockers: z.array(Message).meta({ description: 'Everything that stops the merge, all at once' }),
    changes: z.array(HistoryChangeSchema).meta({
      description:
        "What would move: the before → after of every moved part, as the survivor's customer.merged history entry " +
        'will record them; empty when something blocks the merge',
    }),
    historyEntries: z
      .number()
      .int()
      .meta({ description: "The victim's history entries that would move to the survivor (0 when blocked)" }),
  })
  .meta({ id: 'MergePreview' });

export const MergePreviewResponseSchema = MergePreviewSchema.extend({ warnings: Warnings }).meta({
  id: 'MergePreviewResponse',
});

export const RequestSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    baseType: z.enum(REQUEST_BASE_TYPES),
    status: z.enum(REQUEST_STATUSES),
    victimId: z.number().int().nullable(),
    survivorId: z.number().int().nullable(),
    customerId: z.number().int().nullable(),
    createdBy: Who,
    decidedBy: Who.nullable(),
    comments: z.string().nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
    dueAt: z.iso.datetime().nullable().meta({ description: 'DELETE: when the erasure runs' }),
    unmergedAt: z.iso.datetime().nullable().meta({ description: 'MERGE: when the merge was undone' }),
    preview: MergePreviewSchema.nullable().meta({
      description:
        'GET of a pending merge: its preview (the survivor as it would be, what would move, what would stop it now); null otherwise',
    }),
    failure: z.array(Message).nullable().meta({ description: 'FAILED: why' }),
  })
  .meta({ id: 'Request' });
export type RequestView = z.output<typeof RequestSchema>;

export const RequestResponseSchema = RequestSchema.extend({ warnings: Warnings }).meta({
  id: 'RequestResponse',
});
export const RequestCreatedSchema = z
  .object({ createdId: z.number().int(), status: z.enum(REQUEST_STATUSES), warnings: Warnings })
  .meta({ id: 'RequestCreated' });
export const RequestListSchema = z
  .object({ requests: z.array(RequestSchema), warnings: Warnings })
  .meta({ id: 'RequestList' });

export const RequestListQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  baseType: z.enum(REQUEST_BASE_TYPES).optional(),
  customerId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'expected a customer id')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'expected a whole number from 1 to 200')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, 'expected a whole number from 1 to 200')
    .optional(),
});

export const MergePreviewQuerySchema = z.object({
  victimId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'expected a customer id')
    .transform(Number),
  survivorId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'expected a customer id')
    .transform(Number),
});

export const CustomerExportSchema = z
  .object({
    customer: CustomerViewSchema.omit({ warnings: true }),
    history: z.array(HistoryEntrySchema).meta({ description: 'Every entry, newest first' }),
    requests: z.array(RequestSchema).meta({ description: 'The requests naming the customer' }),
    exportedAt: z.iso.datetime(),
    warnings: Warnings,
  })
  .meta({ id: 'CustomerExport' });
