// Shared helpers for integration tests: credentials, calling route handlers, unique identifiers.
import { createHash, randomInt } from 'node:crypto';

export function basicAuth(till: string, password: string): string {
  const md5 = createHash('md5').update(password).digest('hex');
  return `Basic ${Buffer.from(`${till}:${md5}`).toString('base64')}`;
}

export const DEMO_TILL = basicAuth('demo.till', 'Demo@123');
export const READONLY_TILL = basicAuth('readonly.till', 'Read@123');
export const BUKL_TILL = basicAuth('bukl.till', 'Bukl@123');
export const OTHER_TILL = basicAuth('other.till', 'Other@123');
export const BENCH_TILL = basicAuth('bench.till', 'Bench@123');

type RouteHandler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls a route handler as Next would, and reads its JSON answer. */
export async function call<T = Record<string, unknown>>(
  handler: RouteHandler,
  opts: {
    method?: string;
    path?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const req = new Request(`http://localhost${opts.path ?? '/v2/customers'}`, {
    method: opts.method ?? 'POST',
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** A mobile number no other test uses (12 digits, starting 91). */
export function uniqueMobile(): string {
  return `91${randomInt(1e9, 1e10 - 1)}`;
}

export function uniqueEmail(): string {
  return `t${randomInt(1e9, 1e10 - 1)}@example.com`;
}

/** A fresh OAuth token of the demo org's client (demo-key / demo-secret), from the real route. */
export async function demoOAuthToken(): Promise<string> {
  const { POST } = await import('@/app/v3/oauth/token/generate/route');
  const res = await call<{ data: { accessToken: string } }>(POST, {
    path: '/v3/oauth/token/generate',
    body: { key: 'demo-key', secret: 'demo-secret' },
  });
  if (res.status !== 200) throw new Error(`token generation answered ${res.status}`);
  return res.body.data.accessToken;
}

/** A minimal valid registration: one INSTORE profile with a new mobile. */
export function newCustomerBody(mobile = uniqueMobile()): Record<string, unknown> {
  return { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] };
}
