// What each event means and the JSON Schema of its body (GET /v3/webHooks/eventMetaData).
import { z } from 'zod';
import { HISTORY_ACTIONS, WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/vocabulary';

export const EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  customerAdded: 'A customer was registered (POST /v2/customers, or the registration form).',
  sourceAccountAdded: 'A registration added a source account to a customer who already had one.',
  customerUpdated: 'Names, fields, channels, extended fields or the loyalty type changed (PUT /v2/customers/{id}).',
  customerStatusChanged: "The customer's status label changed (PUT /v2/customers/{id} with statusLabel).",
  identifierChanged: 'Identifiers were added or removed (POST /v2/customers/{id}/changeIdentifier).',
  customerMerged: 'Two customers were merged (a merge request completed): sent for the survivor and for the victim.',
  customerUnmerged: 'A merge was undone (POST /v2/requests/{id}/unmerge): sent for both customers.',
  customerDeleted: "The customer's personal data was erased (a DELETE request ran).",
  requestDecided: 'A request about the customer (merge, deletion) was approved, rejected, cancelled or re-opened.',
};

function envelopeSchema(eventName: WebhookEvent) {
  return z.object({
    eventId: z.uuid().meta({ description: 'The same for every delivery of this event: deduplicate by it' }),
    eventName: z.literal(eventName),
    eventType: z.string().meta({ description: '<orgId>_<eventName>' }),
    refId: z.string().meta({ description: '<orgId>_<customerId>' }),
    apiRequestId: z.string().meta({ description: 'The request that made the change (X-Request-Id)' }),
    timeStamp: z.number().int().meta({ description: 'When the change was written, ms since the epoch' }),
    attributes: z.object({
      createdAt: z.iso.datetime(),
      data: z.object({
        customerId: z.number().int(),
        entries: z
          .array(
            z.object({
              action: z.enum(HISTORY_ACTIONS),
              reason: z.string().nullable(),
              changes: z.array(
                z.object({
                  path: z.string(),
                  before: z.unknown(),
                  after: z.unknown(),
                  redacted: z.literal(true).optional(),
                }),
              ),
            }),
          )
          .meta({ description: 'The history entries the change wrote (as GET /v2/customers/{id}/history shows them)' }),
      }),
    }),
  });
}

export function eventMetaData() {
  return WEBHOOK_EVENTS.map((eventName) => ({
    eventName,
    description: EVENT_DESCRIPTIONS[eventName],
    schema: z.toJSONSchema(envelopeSchema(eventName), { io: 'output', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >,
  }));
}
