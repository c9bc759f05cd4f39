// The server: one Node process, the same in `npm run dev` and `npm start` (docs/architecture.md,
// "One server"). Fastify answers the API, the routes listed in app/api-routes.ts, with each route's
// own `serve` (lib/api/handler.ts), the function its Next.js route handler runs too; every other
// request (pages, /api, static files, server actions, and API paths the router leaves alone: a
// trailing slash, an empty or dot segment, HEAD, OPTIONS, a method a route has no handler for) goes
// untouched to Next.js's request handler, before any body is read. Each request first gets the
// caller's socket address as a header (lib/http/client-address.ts): Next hands route handlers a web
// Request, which has no socket. Run it with `tsx --conditions=react-server server.ts` (npm scripts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ApiRoute } from '@/app/api-routes';
import { failureBody, type Answer, type ApiRequest, type Handler, type Serve } from '@/lib/api/handler';
import { readNodeBodyAtMost } from '@/lib/api/read-body';
import { requestIdOf } from '@/lib/api/request-context';
import { errorItem } from '@/lib/errors';
import { PEER_HEADER } from '@/lib/http/client-address';
import securityHeaders from '@/lib/http/security-headers.json';
import { log, loggableError } from '@/lib/log';

/** Answers what the API does not: Next.js's `app.getRequestHandler()`. */
type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/**
 * A body the route left unread (refused past 1 MiB, or not needed for its answer) is read and
 * dropped, up to this much and this long, before the answer goes out: a client still sending (Node's
 * own fetch, for one) would otherwise see its connection close under it instead of reading the answer.
 * Past either bound the answer goes out anyway and the connection closes.
 */
const DISCARD_MAX_BYTES = 32 * 1024 * 1024;
const DISCARD_MAX_MS = 10_000;

const headersOf = (list: { key: string; value: string }[]) => Object.fromEntries(list.map((h) => [h.key, h.value]));
const PLAIN_HEADERS = headersOf(securityHeaders.always);
const HTTPS_HEADERS = headersOf([...securityHeaders.always, ...securityHeaders.overHttps]);

/** The security headers next.config.mjs gives Next's answers (a fresh object: callers add to it). */
function baseHeaders(req: IncomingMessage): Record<string, string> {
  return { ...(req.headers['x-forwarded-proto'] === 'https' ? HTTPS_HEADERS : PLAIN_HEADERS) };
}

/** The socket's address, over whatever a client sent under that name. */
function stampPeer(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

/** Paths Next normalises itself (redirects a trailing slash, resolves `//` and dot segments). */
function leftToNext(url: string): boolean {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path.length > 1 && path.endsWith('/')) return true;
  return path
    .split('/')
    .slice(1)
    .some((part) => part === '' || part === '.' || part === '..');
}

function apiRequestOf(req: IncomingMessage): ApiRequest {
  return {
    method: req.method ?? 'GET',
    // Routes read only the search parameters of it.
    url: `http://localhost${req.url ?? '/'}`,
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    readBody: (max) => readNodeBodyAtMost(req, max),
    bodyStream: () => req,
  };
}

/** Reads and drops the rest of the body, within the bounds above; true when it reached the end. */
function discardRest(req: IncomingMessage): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DISCARD_MAX_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), DISCARD_MAX_MS);
    req.on('data', onData).once('end', onEnd).once('close', onClose);
    req.resume();
  });
}

async function send(reply: FastifyReply, answer: Answer, close: boolean): Promise<FastifyReply> {
  const headers = baseHeaders(reply.request.raw);
  if (close) headers.connection = 'close';
  if (answer instanceof Response) {
    const body = Buffer.from(await answer.arrayBuffer());
    return reply
      .code(answer.status)
      .headers({ ...headers, ...Object.fromEntries(answer.headers), 'content-length': String(body.length) })
      .send(body);
  }
  const body = Buffer.from(JSON.stringify(answer.body));
  return reply
    .code(answer.status)
    .headers({
      ...headers,
      'content-type': 'application/json',
      'content-length': String(body.length),
      ...answer.headers,
    })
    .send(body);
}

/** The server over `routes`, handing everything else to `next`; not listening yet. */
export function buildServer({ routes, next }: { routes: readonly ApiRoute[]; next: RequestHandler }): FastifyInstance {
  const toNext = (req: IncomingMessage, res: ServerResponse) => {
    next(req, res).catch((err: unknown) => {
      log.error({ err: loggableError(err) }, 'Next.js request handler failed');
      if (res.headersSent) res.destroy();
      else res.writeHead(500, baseHeaders(req)).end();
    });
  };
  const app = Fastify({
    logger: false,
    // HEAD goes to Next, as OPTIONS does: no route of the API answers it.
    exposeHeadRoutes: false,
    routerOptions: { maxParamLength: 1000 },
    // Node's own default (Fastify's is none): a request not received whole within 5 minutes is dropped.
    requestTimeout: 300_000,
    // A path the router cannot decode: Next answers it.
    frameworkErrors: (_err, request, reply) => {
      stampPeer(request.raw);
      reply.hijack();
      toNext(request.raw, reply.raw);
    },
  });
  // Fastify reads no body at all: an API route reads its own (`readBody`, at most 1 MiB) after
  // authentication, and a request for Next keeps its stream untouched (server actions post to pages).
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'QUERY']) {
    app.addHttpMethod(method, { hasBody: false, overrideExisting: true });
  }
  app.addHook('onRequest', (request, reply, done) => {
    stampPeer(request.raw);
    if (request.is404 || leftToNext(request.raw.url ?? '/')) {
      reply.hijack();
      toNext(request.raw, reply.raw);
      return;
    }
    done();
  });
  for (const route of routes) {
    for (const method of METHODS) {
      const handler = (route.handlers as Record<string, Handler | undefined>)[method];
      if (typeof handler?.serve !== 'function') continue;
      const serve: Serve = handler.serve;
      app.route({
        method,
        url: route.path,
        handler: async (request, reply) => {
          const answer = await serve(apiRequestOf(request.raw), request.params as Record<string, string>);
          const ended = await discardRest(request.raw);
          return send(reply, answer, !ended);
        },
      });
    }
  }
  // `serve` answers every failure itself; this is the last guard, for a fault in writing.
  app.setErrorHandler((err, request, reply) => {
    const requestId = requestIdOf(apiRequestOf(request.raw));
    log.error({ err: loggableError(err), requestId }, 'server failed');
    void reply
      .code(500)
      .headers({ ...baseHeaders(request.raw), 'content-type': 'application/json', connection: 'close' })
      .send(JSON.stringify(failureBody('v2', [errorItem(500, { requestId })])));
  });
  return app;
}

/** Start-up (lib/startup: the environment, the embedded database), Next, then listening. */
async function main(): Promise<void> {
  const dev = process.env.NODE_ENV !== 'production';
  const { startServerOrExit } = await import('@/lib/startup');
  await startServerOrExit();
  const [{ default: next }, { API_ROUTES }] = await Promise.all([import('next'), import('@/app/api-routes')]);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  let handle: RequestHandler | null = null;
  const app = buildServer({ routes: API_ROUTES, next: (req, res) => handle!(req, res) });
  // Next's own name for the server (its dev origin check, its requests to itself): as `next dev` has it.
  const nextApp = next({
    dev,
    dir: process.cwd(),
    hostname: process.env.HOST ?? 'localhost',
    port,
    httpServer: app.server,
  });
  await nextApp.prepare();
  handle = nextApp.getRequestHandler() as RequestHandler;
  await app.listen({ port, host });
  console.log(`member-care ${dev ? 'development' : 'production'} server on http://${host}:${port}`);
  // Background work (webhook deliveries) in this process, unless it runs as its own (npm run worker).
  const [{ env }, { startWorker }] = await Promise.all([import('@/lib/env'), import('@/lib/worker')]);
  if (env().WORKER === 'on') await startWorker();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // In development at once (the watcher restarts it; the page's live-reload socket would hold a
      // graceful close open); in production after the requests under way, or 5 seconds.
      if (dev) process.exit(0);
      setTimeout(() => process.exit(0), 5_000).unref();
      void app.close().finally(() => process.exit(0));
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    log.fatal({ err: loggableError(err) }, 'member-care cannot start');
    process.exit(1);
  });
}
