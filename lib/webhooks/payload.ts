// The body of a delivery: Capillary's event envelope (docs/api.md, "Webhooks").
import type { WebhookEvent } from '@/lib/vocabulary';

export interface EventEnvelope {
  eventId: string;
  eventName: WebhookEvent;
  eventType: string;
  refId: string;
  apiRequestId: string;
  timeStamp: number;
  attributes: { createdAt: string; data: Record<string, unknown> & { customerId: number } };
}

export function envelopeOf(e: {
  orgId: number;
  customerId: number;
  eventId: string;
  eventName: WebhookEvent;
  requestId: string;
  createdAtMs: number;
  data: Record<string, unknown>;
}): EventEnvelope {
  return {
    eventId: e.eventId,
    eventName: e.eventName,
    eventType: `${e.orgId}_${e.eventName}`,
    refId: `${e.orgId}_${e.customerId}`,
    apiRequestId: e.requestId,
    timeStamp: e.createdAtMs,
    attributes: { createdAt: new Date(e.createdAtMs).toISOString(), data: { customerId: e.customerId, ...e.data } },
  };
}
