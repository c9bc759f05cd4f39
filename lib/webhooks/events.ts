// What each event means and the JSON Schema of its body (GET /v3/webHooks/eventMetaData).
import { z } from 'zod';
import { CustomerViewSchema } from '@/lib/api/schemas';
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

const Entries = z
  .array(
    z.object({
      action: z.enum(HISTORY_ACTIONS),
      reason: z.string().nullable(),
      changes: z.array(
        z.object({ path: z.string(), before: z.unknown(), after: z.unknown(), redacted: z.literal(true).optional() }),
      ),
    }),
  )
  .meta({ description: 'The history entries the change wrote (as GET /v2/customers/{id}/history shows them)' });

/** customerAdded's customer: GET /v2/customers/{id}'s body without its warnings. */
const AddedCustomer = CustomerViewSchema.omit({ warnings: true })
  .nullable()
  .meta({
    description:
      'The customer as GET /v2/customers/{id} returned it after the registration (version 1); if it ' +
      'changed before the event was first sent, as of that sending (its version says which; the later ' +
      "changes follow in their own events); null if the customer's data was erased by then",
  });

function dataSchema(eventName: WebhookEvent) {
  const data = z.strictObject({ customerId: z.number().int(), entries: Entries });
  return eventName === 'customerAdded' ? data.extend({ customer: AddedCustomer }) : data;
}

/** The body of a delivery of `eventName` (docs/api.md, "Webhooks"). */
export function envelopeSchema(eventName: WebhookEvent) {
  return z.strictObject({
    eventId: z.uuid().meta({ description: 'The same for every delivery of this event: deduplicate by it' }),
    eventName: z.literal(eventName),
    eventType: z.string().meta({ description: '<orgId>_<eventName>' }),
    refId: z.string().meta({ description: '<orgId>_<customerId>' }),
    apiRequestId: z.string().meta({ description: 'The request that made the change (X-Request-Id)' }),
    timeStamp: z.number().int().meta({ description: 'When the change was written, ms since the epoch' }),
    attributes: z.strictObject({ createdAt: z.iso.datetime(), data: dataSchema(eventName) }),
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
