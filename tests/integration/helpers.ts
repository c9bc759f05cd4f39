// Shared helpers for integration tests: credentials, calling route handlers (as Next calls them, or
// over HTTP through the server, server.ts), unique identifiers.
import { createHash, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_ROUTES } from '@/app/api-routes';
import { PEER_HEADER } from '@/lib/http/client-address';
import { buildServer } from '@/server';
import { checkAgainstDocument } from './document-check';

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

export interface CallOptions {
  method?: string;
  /** With its query; through the server also its parameters, which pick the route. */
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The path's parameters, as Next hands them to the handler. */
  params?: Record<string, string>;
}

/** Calls a route handler as Next would, and reads its JSON answer, held to the OpenAPI document. */
export async function call<T = Record<string, unknown>>(
  handler: RouteHandler,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  const req = new Request(`http://localhost${opts.path ?? '/v2/customers'}`, requestInit(opts));
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return readAnswer<T>(res, opts);
}

/** The method, headers and body `opts` describe; a JSON body brings its content type. */
function requestInit(opts: CallOptions): RequestInit {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  return { method: opts.method ?? 'POST', headers, body };
}

/**
 * The answer's status, JSON body and headers, once the OpenAPI document has been found to say them;
 * except what the test server's stand-in for Next answers (LEFT_TO_NEXT), which is no answer of ours.
 */
async function readAnswer<T>(res: Response, opts: CallOptions): Promise<CallResult<T>> {
  const text = await res.text();
  const answer = { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  if (answer.status !== LEFT_TO_NEXT)
    await checkAgainstDocument({ method: requestInit(opts).method!, path: opts.path ?? '/v2/customers', ...answer });
  return answer;
}

/** A status no route answers: what the test server's stand-in for Next says to a request it is handed. */
export const LEFT_TO_NEXT = 599;

let testServer: Promise<string> | null = null;

/**
 * The production server (server.ts, over app/api-routes.ts) on a real port of this process, started
 * on first use; its base URL. A stand-in answers for Next: LEFT_TO_NEXT, with the caller's address
 * the server stamped (the PEER_HEADER) in `x-seen-peer` and the size of the body it read in
 * `x-seen-body-bytes`.
 */
export function serverBaseUrl(): Promise<string> {
  testServer ??= (async () => {
    const app = buildServer({
      routes: API_ROUTES,
      next: async (req, res) => {
        let bytes = 0;
        for await (const chunk of req) bytes += (chunk as Buffer).length;
        res.writeHead(LEFT_TO_NEXT, {
          'x-seen-peer': String(req.headers[PEER_HEADER]),
          'x-seen-body-bytes': String(bytes),
        });
        res.end();
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    app.server.unref();
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  })();
  return testServer;
}

/**
 * Sends what `call` would to the server over HTTP; the path (with its parameters) picks the route. A
 * PEER_HEADER among the headers is not sent (the server would overwrite it): the request leaves from
 * that address instead, moved into 127.0.0.0/8 (10.99.1.3 leaves from 127.99.1.3).
 */
export async function callThroughServer<T = Record<string, unknown>>(opts: CallOptions = {}): Promise<CallResult<T>> {
  const { method, headers, body } = requestInit(opts);
  const sent: Record<string, string> = { ...(headers as Record<string, string>) };
  const peer = sent[PEER_HEADER];
  delete sent[PEER_HEADER];
  // As fetch and Request do with a string body.
  if (typeof body === 'string' && !Object.keys(sent).some((k) => k.toLowerCase() === 'content-type'))
    sent['content-type'] = 'text/plain;charset=UTF-8';
  const url = `${await serverBaseUrl()}${opts.path ?? '/v2/customers'}`;
  const res = await new Promise<Response>((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: sent, ...(peer && { localAddress: peer.replace(/^\d+\./, '127.') }) },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (c: Buffer) => chunks.push(c));
        incoming.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(incoming.headers)) if (v !== undefined) h.set(k, String(v));
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers: h }));
        });
        incoming.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body as string | undefined);
  });
  return readAnswer<T>(res, opts);
}

/** Which way a test calls a route: Next's route handler, or the server over HTTP. */
export type Door = 'next' | 'server';

/** `call` through the given door. */
export function callVia<T = Record<string, unknown>>(
  door: Door,
  handler: RouteHandler,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  return door === 'next' ? call<T>(handler, opts) : callThroughServer<T>(opts);
}

/** A mobile number no other test uses (12 digits, starting 91). */
export function uniqueMobile(): string {
  return `91${randomInt(1e9, 1e10 - 1)}`;
}

export function uniqueEmail(): string {
  return `t${randomInt(1e9, 1e10 - 1)}@example.com`;
}

/** A fresh OAuth token of a demo org's client (demo-key / demo-secret unless named), from the real route. */
export async function demoOAuthToken(key = 'demo-key', secret = 'demo-secret'): Promise<string> {
  const { POST } = await import('@/app/v3/oauth/token/generate/route');
  const res = await call<{ data: { accessToken: string } }>(POST, {
    path: '/v3/oauth/token/generate',
    body: { key, secret },
  });
  if (res.status !== 200) throw new Error(`token generation answered ${res.status}`);
  return res.body.data.accessToken;
}

/** A minimal valid registration: one INSTORE profile with a new mobile. */
export function newCustomerBody(mobile = uniqueMobile()): Record<string, unknown> {
  return { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] };
}

/** Checks every `everyMs` until `check` holds; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000, everyMs = 50): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
