// The browser's calls to the /v2 API with the staff session cookie: one way to send a request and
// read its answer, success or envelope of errors, for every form of the app.
import { z } from 'zod';

export const FailureSchema = z.object({
  errors: z.array(z.object({ code: z.number(), message: z.string(), field: z.string().optional() })).min(1),
});
export type ApiErrorItem = z.infer<typeof FailureSchema>['errors'][number];

export type ApiResult<T> =
  { ok: true; status: number; data: T; etag: string | null } | { ok: false; status: number; errors: ApiErrorItem[] };

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request; a network failure throws (the caller says the server could not be reached). */
export async function callApi<T>(req: ApiRequest, success: z.ZodType<T>): Promise<ApiResult<T>> {
  const res = await fetch(req.url, {
    method: req.method,
    headers: {
      accept: 'application/json',
      ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...req.headers,
    },
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    credentials: 'same-origin',
    signal: req.signal,
  });
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = success.safeParse(body);
    if (parsed.success) return { ok: true, status: res.status, data: parsed.data, etag: res.headers.get('etag') };
  }
  const failure = FailureSchema.safeParse(body);
  if (failure.success) return { ok: false, status: res.status, errors: failure.data.errors };
  return {
    ok: false,
    status: res.status,
    errors: [
      {
        code: res.status,
        message: `Unexpected answer from the server (HTTP ${res.status}). Nothing may have been saved: check before trying again.`,
      },
    ],
  };
}

/** What a refused request says to the person: the request-level message, else the errors' own. */
export function refusalMessage(r: Extract<ApiResult<unknown>, { ok: false }>): string {
  return requestLevelMessage(r.status, r.errors) ?? r.errors.map((e) => e.message).join(' ');
}

/** Messages for failures that are not about the data. */
export function requestLevelMessage(status: number, errors: ApiErrorItem[]): string | null {
  if (status === 401) return 'Your session has ended. Sign in again in a new tab, then submit this form once more.';
  if (status === 429) return 'Too many requests for your organisation right now. Wait a moment and try again.';
  if (status >= 500) return errors[0]?.message ?? 'The server failed. Nothing was saved; try again.';
  return null;
}
