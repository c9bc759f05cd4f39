// Shared helpers for integration tests: credentials, calling route handlers (as Next calls them, or
// over HTTP through the Node door), unique identifiers.
import { createHash, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NODE_DOOR_ROUTES } from '@/app/node-door-routes';
import { nodeDoor } from '@/lib/api/node-door';

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
  /** With its query; through the Node door also its parameters, which pick the route. */
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The path's parameters, as Next hands them to the handler. */
  params?: Record<string, string>;
}

/** Calls a route handler as Next would, and reads its JSON answer. */
export async function call<T = Record<string, unknown>>(
  handler: RouteHandler,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  const req = new Request(`http://localhost${opts.path ?? '/v2/customers'}`, requestInit(opts));
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return readAnswer<T>(res);
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

async function readAnswer<T>(res: Response): Promise<CallResult<T>> {
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** A status no route answers: what the door's test server says when the door leaves a request to Next. */
export const LEFT_TO_NEXT = 599;

let doorServer: Promise<string> | null = null;

/**
 * The production server's Node door (lib/api/node-door.ts) on a real port of this process, started
 * on first use; its base URL. The peer header is not stamped here: tests set it as the server would.
 */
export function doorBaseUrl(): Promise<string> {
  doorServer ??= new Promise((resolve) => {
    const take = nodeDoor(NODE_DOOR_ROUTES);
    const server = http.createServer((req, res) => {
      if (!take(req, res)) res.writeHead(LEFT_TO_NEXT).end();
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    server.unref();
  });
  return doorServer;
}

/** Sends what `call` would to the Node door over HTTP; the path (with its parameters) picks the route. */
export async function callThroughDoor<T = Record<string, unknown>>(opts: CallOptions = {}): Promise<CallResult<T>> {
  const res = await fetch(`${await doorBaseUrl()}${opts.path ?? '/v2/customers'}`, requestInit(opts));
  return readAnswer<T>(res);
}

/** Which door a test goes through: Next's route handler, or the Node door over HTTP. */
export type Door = 'next' | 'node';

/** `call` through the given door. */
export function callVia<T = Record<string, unknown>>(
  door: Door,
  handler: RouteHandler,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  return door === 'next' ? call<T>(handler, opts) : callThroughDoor<T>(opts);
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
