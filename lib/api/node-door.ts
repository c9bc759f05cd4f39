// The Node door: in production, /v2 and /v3 requests are answered straight from node:http by the
// same `serve` each route's Next.js handler runs (lib/api/handler.ts), without Next's per-request
// work (its router, web Request and Response, streams, async contexts), which was four fifths of a
// registration's Node CPU on this machine (docs/scaling.md, "The Node door"). What the door cannot
// place (a trailing slash, an odd encoding, HEAD, OPTIONS, a method a route has no handler for) goes
// on to Next, which answers it as before: the door is a shortcut to the same answers, never a
// second behaviour.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorItem } from '@/lib/errors';
import type { HeaderSource } from '@/lib/http/header-source';
import securityHeaders from '@/lib/http/security-headers.json';
import { log, loggableError } from '@/lib/log';
import { failureBody, type Answer, type ApiRequest, type Handler } from './handler';
import { requestIdOf } from './request-context';

/** A route of the door: its path, with `:name` for a parameter segment and a final `*` for a catch-all. */
export interface DoorRoute {
  path: string;
  /** The route module: its exported method handlers. */
  handlers: object;
}

interface CompiledRoute {
  segments: string[];
  catchAll: boolean;
  handlers: Record<string, unknown>;
}

/** Static segments beat parameters, and parameters beat catch-alls, as in Next's own routing. */
function specificity(route: CompiledRoute): number[] {
  const ranks: number[] = route.segments.map((s) => (s.startsWith(':') ? 1 : 0));
  return route.catchAll ? [...ranks, 2] : ranks;
}

function compile(routes: DoorRoute[]): CompiledRoute[] {
  const compiled = routes.map(({ path, handlers }) => {
    const segments = path.split('/').filter(Boolean);
    const catchAll = segments.at(-1) === '*';
    if (catchAll) segments.pop();
    return { segments, catchAll, handlers: handlers as Record<string, unknown> };
  });
  return compiled.sort((a, b) => {
    const [x, y] = [specificity(a), specificity(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] ?? -1) - (y[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** The decoded path segments, or null for a path the door leaves to Next. */
function segmentsOf(rawPath: string): string[] | null {
  if (rawPath.length > 1 && rawPath.endsWith('/')) return null; // Next redirects these
  const parts = rawPath.split('/').slice(1);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..') return null;
    try {
      out.push(decodeURIComponent(part));
    } catch {
      return null;
    }
  }
  return out;
}

function match(routes: CompiledRoute[], segments: string[]) {
  for (const route of routes) {
    const n = route.segments.length;
    if (route.catchAll ? segments.length <= n : segments.length !== n) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const want = route.segments[i] as string;
      const got = segments[i] as string;
      if (want.startsWith(':')) params[want.slice(1)] = got;
      else ok = want === got;
    }
    if (ok) return { route, params };
  }
  return null;
}

function headerSource(req: IncomingMessage): HeaderSource {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The body, refused with 413 as soon as it passes `max` bytes (the rest is never read). */
function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        reject(ApiError.of(413));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
    // A client gone before the end of its body: the route runs no further (nobody would hear it).
    req.once('close', () => {
      if (!req.complete) reject(ApiError.of(400, { path: 'body', problem: 'ended early' }, { field: 'body' }));
    });
  });
}

function apiRequestOf(req: IncomingMessage): ApiRequest {
  return {
    method: req.method ?? 'GET',
    // Routes read only the search parameters of it.
    url: `http://localhost${req.url ?? '/'}`,
    headers: headerSource(req),
    readBody: (max) => readBody(req, max),
  };
}

const headersOf = (list: { key: string; value: string }[]) => Object.fromEntries(list.map((h) => [h.key, h.value]));
const PLAIN_HEADERS = headersOf(securityHeaders.always);
const HTTPS_HEADERS = headersOf([...securityHeaders.always, ...securityHeaders.overHttps]);

/** The security headers of an answer to `req` (a fresh object: callers add to it). */
function baseHeaders(req: IncomingMessage): Record<string, string> {
  return { ...(req.headers['x-forwarded-proto'] === 'https' ? HTTPS_HEADERS : PLAIN_HEADERS) };
}

async function write(req: IncomingMessage, res: ServerResponse, answer: Answer): Promise<void> {
  const headers = baseHeaders(req);
  // A body left unread (refused for its size, or sent where none is read) is not drained: the
  // connection closes after the answer instead.
  if (!req.complete) headers.connection = 'close';
  if (answer instanceof Response) {
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, {
      ...headers,
      ...Object.fromEntries(answer.headers),
      'content-length': String(body.length),
    });
    res.end(body);
    return;
  }
  const body = Buffer.from(JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(body.length),
    ...answer.headers,
  });
  res.end(body);
}

/**
 * The door over `routes`: a function that answers a request it can place and says true, or says
 * false and leaves the request to Next.
 */
export function nodeDoor(routes: DoorRoute[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const compiled = compile(routes);
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/v2') && !url.startsWith('/v3')) return false;
    const q = url.indexOf('?');
    const segments = segmentsOf(q === -1 ? url : url.slice(0, q));
    if (!segments) return false;
    const found = match(compiled, segments);
    const handler = found?.route.handlers[req.method ?? ''] as Handler | undefined;
    if (!found || typeof handler?.serve !== 'function') return false;
    const apiReq = apiRequestOf(req);
    handler
      .serve(apiReq, found.params)
      .then((answer) => write(req, res, answer))
      .catch((err: unknown) => {
        // `serve` answers every failure itself; this is the last guard, for a fault in writing.
        const requestId = requestIdOf(apiReq);
        log.error({ err: loggableError(err), requestId }, 'node door failed');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(500, { ...baseHeaders(req), 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify(failureBody('v2', [errorItem(500, { requestId })])));
      });
    return true;
  };
}
