// The webhooks' wire shapes (docs/api.md, "Webhooks"; §18 of the API contract): requests and views.
import { z } from 'zod';
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@/lib/vocabulary';
import { urlProblem } from './target';

const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'not a header name');
const RESERVED_HEADERS = ['content-type', 'content-length', 'host', 'x-mc-signature', 'x-mc-event-id'];

export const WebhookRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    eventNames: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1)
      .transform((names) => [...new Set(names)]),
    webHookUrl: z
      .string()
      .max(2000)
      .superRefine((url, ctx) => {
        const problem = urlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    webHookHeaders: z
      .record(
        HeaderName,
        z
          .string()
          .max(1000)
          .regex(/^[^\r\n]*$/, 'no line breaks'),
      )
      .refine((h) => Object.keys(h).length <= 20, 'at most 20 headers')
      .refine((h) => !Object.keys(h).some((k) => RESERVED_HEADERS.includes(k.toLowerCase())), {
        message: `none of ${RESERVED_HEADERS.join(', ')}`,
      })
      .default({}),
    active: z.boolean().default(true),
  })
  .meta({ id: 'WebhookRequest' });
export type WebhookRequest = z.output<typeof WebhookRequestSchema>;

export const WebhookViewSchema = z
  .object({
    webHookId: z.number().int(),
    name: z.string(),
    eventNames: z.array(z.enum(WEBHOOK_EVENTS)),
    webHookUrl: z.string(),
    webHookHeaders: z.record(z.string(), z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.output<typeof WebhookViewSchema>;

export const DeliveryViewSchema = z
  .object({
    deliveryId: z.number().int(),
    eventId: z.string(),
    eventName: z.enum(WEBHOOK_EVENTS),
    customerId: z.number().int(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().meta({ description: "The receiver's last HTTP status" }),
    lastError: z.string().nullable().meta({ description: 'The last connection error, timeout or refusal' }),
    nextAttemptAt: z.string().nullable().meta({ description: 'While pending: when it is tried (again)' }),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type DeliveryView = z.output<typeof DeliveryViewSchema>;

const Warnings = z.array(z.never()).meta({ description: 'Always empty' });
const v3 = <T extends z.ZodType>(data: T, id: string) =>
  z.object({ data, errors: z.null(), warnings: Warnings }).meta({ id });

export const WebhookResponseSchema = v3(WebhookViewSchema, 'WebhookResponse');
export const WebhookCreatedResponseSchema = v3(
  WebhookViewSchema.extend({
    secret: z.string().meta({ description: 'The signing secret: shown this once, store it' }),
  }),
  'WebhookCreatedResponse',
);
export const WebhookListResponseSchema = v3(z.array(WebhookViewSchema), 'WebhookListResponse');
export const WebhookDeletedResponseSchema = v3(z.object({ webHookId: z.number().int() }), 'WebhookDeletedResponse');
export const DeliveryListResponseSchema = v3(z.array(DeliveryViewSchema), 'WebhookDeliveryListResponse');
export const DeliveryResponseSchema = v3(DeliveryViewSchema, 'WebhookDeliveryResponse');
export const EventMetaDataResponseSchema = v3(
  z.array(
    z.object({
      eventName: z.enum(WEBHOOK_EVENTS),
      description: z.string(),
      schema: z.record(z.string(), z.unknown()).meta({ description: "The JSON Schema of the event's body" }),
    }),
  ),
  'WebhookEventMetaDataResponse',
);

export const DeliveryQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200), {
      message: 'expected a whole number from 1 to 200',
    })
    .transform((v) => (v ? Number(v) : 50)),
});
