// GET /v2/customers/search (docs/api.md) from the browser: the home search box's suggestions.
import { z } from 'zod';
import { customerDisplayName } from '@/components/customer/display-name';
import { readableValue, typeName } from '@/components/customer/format';
import { callApi } from '@/components/form/api-request';

/** The API answers 400 under this many characters. */
export const MIN_QUERY = 2;
export const SUGGESTION_LIMIT = 8;

const SearchResponseSchema = z.object({
  customers: z.array(
    z.object({
      id: z.number().int().positive(),
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      statusLabel: z.string().nullish(),
      sources: z.array(z.string()),
      identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
    }),
  ),
});

export interface Suggestion {
  id: number;
  name: string;
  /** "Mobile +91 98765 43210 · Email priya@example.com" */
  identifiers: string;
  sources: string[];
}

export async function fetchSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const params = new URLSearchParams({ q, limit: String(SUGGESTION_LIMIT) });
  const result = await callApi({ method: 'GET', url: `/v2/customers/search?${params}`, signal }, SearchResponseSchema);
  if (!result.ok) throw new Error(result.errors[0]?.message ?? `HTTP ${result.status}`);
  return result.data.customers.map((c) => ({
    id: c.id,
    name: customerDisplayName(c.id, [c]),
    identifiers: c.identifiers
      .slice(0, 2)
      .map((i) => `${typeName(i.type)} ${readableValue(i.type, i.value)}`)
      .join(' · '),
    sources: c.sources,
  }));
}
