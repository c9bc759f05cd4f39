// The route wrapper: request id → authenticate → authorise → rate limit → read the body → act →
// envelope. Every /v2 and /v3 answer, failures included, leaves through here as JSON.
// Each route is one `serve` over an ApiRequest. The server (server.ts) calls it straight from
// node:http, without Next's per-request work; the same `serve` is also the route's Next.js handler
// (web Request in, Response out), which the tests call (docs/architecture.md, "One server").
// Authorising is `may` (lib/auth/access.ts) against the access the route names.
import { may } from '@/lib/auth/access';
import { authenticateBasic } from '@/lib/auth/basic';
import { CredentialThrottledError } from '@/lib/auth/credential-throttle';
import { authenticateOAuthToken } from '@/lib/auth/oauth';
import { authenticateStaffSession } from '@/lib/auth/staff-session';
import { isDatabaseUnavailable } from '@/db/errors';
import { ApiError, errorItem, type ApiErrorItem, type ErrorCode } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import type { HeaderSource } from '@/lib/http/header-source';
import { log, loggableError } from '@/lib/log';
import type { Actor } from '@/lib/auth/actor';
import type { ApiAccess } from '@/lib/vocabulary';
import { consumeRateLimit } from './rate-limit';
import { hostileJsonProblems, hostileQueryProblems, readBodyAtMost } from './read-body';
import { requestIdOf, userContextOf } from './request-context';

/** Which envelope failures use: POST /v2/customers adds createdId, /v3 adds data. */
export type Envelope = 'create' | 'v2' | 'v3';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What a route needs of a request; a web Request and a node:http request both give it. */
export interface ApiRequest {
  readonly method: string;
  /** Absolute; routes read its search parameters. */
  readonly url: string;
  readonly headers: HeaderSource;
  /** The body's bytes, refused with 413 as soon as they pass `max`. */
  readBody(max: number): Promise<Uint8Array>;
  /** The body as it arrives, for a route that stores a large upload without holding it (CSV imports). */
  bodyStream(): AsyncIterable<Uint8Array>;
}

/** A route's answer: JSON with its status and headers, or (rarely) a ready Response. */
export type Answer = Required<RouteResult> | Response;
/** A route: the request and its path parameters in, the answer out; never throws. */
export type Serve = (req: ApiRequest, params: Record<string, string>) => Promise<Answer>;

interface BaseCtx<P> {
  req: ApiRequest;
  requestId: string;
  params: P;
  userContext: Record<string, string> | null;
}
export interface AuthedCtx<P> extends BaseCtx<P> {
  actor: Actor;
  body: unknown;
}
type NextHandler = (req: Request, context: { params: Promise<unknown> }) => Promise<Response>;
/** A Next.js route handler that carries its `serve` for the server (server.ts). */
export type Handler = NextHandler & { serve: Serve };

interface Options {
  envelope: Envelope;
  /** What the caller must be allowed (lib/auth/access.ts); default `customers:read`. */
  access?: ApiAccess;
  /** The code a caller without `access` is answered (default 403): checked before the rate limit counts it. */
  refusal?: ErrorCode;
  /** Read a JSON body: an object (true), or an array ('array': bulk requests). */
  body?: boolean | 'array';
}

export function failureBody(envelope: Envelope, errors: ApiErrorItem[]): Record<string, unknown> {
  const base = { warnings: [], errors };
  if (envelope === 'create') return { createdId: null, ...base };
  if (envelope === 'v3') return { data: null, ...base };
  return base;
}

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Answer {
  return { status, body, headers: { 'x-request-id': requestId, 'cache-control': 'no-store', ...headers } };
}

function webApiRequest(req: Request): ApiRequest {
  return {
    method: req.method,
    url: req.url,
    headers: req.headers,
    readBody: (max) => readBodyAtMost(req, max),
    bodyStream: () => streamOf(req.body),
  };
}

/** A web stream's chunks, read one by one. */
async function* streamOf(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function toResponse(answer: Answer): Response {
  if (answer instanceof Response) return answer;
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/** A route's Next.js handler, with its `serve` on it for the server. */
function door(serve: Serve): Handler {
  const handler: NextHandler = async (req, context) =>
    toResponse(await serve(webApiRequest(req), (await context.params) as Record<string, string>));
  return Object.assign(handler, { serve });
}

function errorResponse(
  err: unknown,
  envelope: Envelope,
  requestId: string,
  headers: Record<string, string> = {},
): Answer {
  if (err instanceof CredentialThrottledError) {
    // Too many failed credentials from this address (docs/api.md, "Guessing credentials").
    err = ApiError.of(517, undefined, { headers: { 'retry-after': String(err.retryAfterSeconds) } });
  }
  if (err instanceof ApiError) {
    return respond(err.http, failureBody(envelope, err.items), requestId, { ...headers, ...err.headers });
  }
  if (isDatabaseUnavailable(err)) {
    log.warn({ err: loggableError(err), requestId }, 'database unavailable');
    return respond(503, failureBody(envelope, [errorItem(503)]), requestId, { ...headers, 'retry-after': '5' });
  }
  log.error({ err: loggableError(err), requestId }, 'unhandled error');
  return respond(500, failureBody(envelope, [errorItem(500, { requestId })]), requestId, headers);
}

/** The caller: an OAuth token decides when sent; else Basic; else the browser's session. */
export async function authenticate(req: ApiRequest): Promise<Actor> {
  const token = req.headers.get('x-cap-api-oauth-token');
  const authorization = req.headers.get('authorization');
  const actor =
    token !== null
      ? await authenticateOAuthToken(token)
      : authorization !== null
        ? await authenticateBasic(
            authorization,
            clientAddress((name) => req.headers.get(name)),
          )
        : await authenticateStaffSession(req);
  if (!actor) throw ApiError.of(401);
  return actor;
}

async function readJsonBody(req: ApiRequest, shape: 'object' | 'array' = 'object'): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) throw ApiError.of(415);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw ApiError.of(413);
  const bytes = await req.readBody(MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw ApiError.of(400, { path: 'body', problem: 'malformed JSON' }, { field: 'body' });
  }
  if (shape === 'array' && !Array.isArray(body)) {
    throw ApiError.of(400, { path: 'body', problem: 'must be a JSON array' }, { field: 'body' });
  }
  if (body === null || typeof body !== 'object' || (shape === 'object' && Array.isArray(body))) {
    throw ApiError.of(400, { path: 'body', problem: 'must be a JSON object' }, { field: 'body' });
  }
  const hostile = hostileJsonProblems(body);
  if (hostile.length > 0) throw new ApiError(hostile);
  return body;
}

/** An authenticated API route. */
export function apiRoute<P = Record<string, never>>(
  opts: Options,
  fn: (ctx: AuthedCtx<P>) => Promise<RouteResult | Response>,
): Handler {
  return door(async (req, rawParams) => {
    const requestId = requestIdOf(req);
    let limitHeaders: Record<string, string> = {};
    try {
      const actor = await authenticate(req);
      if (!may(actor, opts.access ?? 'customers:read')) throw ApiError.of(opts.refusal ?? 403);
      limitHeaders = await consumeRateLimit(actor);
      const body = opts.body ? await readJsonBody(req, opts.body === 'array' ? 'array' : 'object') : undefined;
      const hostileQuery = hostileQueryProblems(new URL(req.url).searchParams);
      if (hostileQuery.length > 0) throw new ApiError(hostileQuery);
      const params = rawParams as P;
      const result = await fn({ req, requestId, params, actor, body, userContext: userContextOf(req) });
      if (result instanceof Response) {
        result.headers.set('x-request-id', requestId);
        for (const [k, v] of Object.entries(limitHeaders)) result.headers.set(k, v);
        return result;
      }
      return respond(result.status, result.body, requestId, { ...limitHeaders, ...result.headers });
    } catch (err) {
      return errorResponse(err, opts.envelope, requestId, limitHeaders);
    }
  });
}

/** A route open to anyone (token generation, health, the OpenAPI document). */
export function publicRoute<P = Record<string, never>>(
  opts: { envelope: Envelope; body?: boolean },
  fn: (ctx: BaseCtx<P> & { body: unknown }) => Promise<RouteResult | Response>,
): Handler {
  return door(async (req, rawParams) => {
    const requestId = requestIdOf(req);
    try {
      const body = opts.body ? await readJsonBody(req) : undefined;
      const params = rawParams as P;
      const result = await fn({ req, requestId, params, body, userContext: userContextOf(req) });
      if (result instanceof Response) {
        result.headers.set('x-request-id', requestId);
        return result;
      }
      return respond(result.status, result.body, requestId, result.headers);
    } catch (err) {
      return errorResponse(err, opts.envelope, requestId);
    }
  });
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof ALL_METHODS)[number];

/** Handlers answering 405 in the envelope for every method a route does not serve. */
export function methodNotAllowed<A extends Method>(
  envelope: Envelope,
  allowed: A[],
): Record<Exclude<Method, A>, Handler> {
  const handler = door(async (req) =>
    respond(405, failureBody(envelope, [errorItem(405)]), requestIdOf(req), { allow: allowed.join(', ') }),
  );
  const others = ALL_METHODS.filter((m) => !(allowed as Method[]).includes(m));
  return Object.fromEntries(others.map((m) => [m, handler])) as Record<Exclude<Method, A>, Handler>;
}

/** 404 in the envelope, for the catch-all of unknown /v2 and /v3 paths. */
export function notFoundHandler(envelope: Envelope): Handler {
  return door(async (req) => respond(404, failureBody(envelope, [errorItem(404)]), requestIdOf(req)));
}
