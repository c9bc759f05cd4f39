// The server (server.ts): Fastify answers /v2 and /v3 with the routes' own `serve` and hands the rest
// to Next. Here it runs on a real port of the test process, with a stand-in for Next: its route list
// matches the route files, it answers as the Next handlers do, it sends the security headers, an
// oversized body gets its 413 whatever the client, the caller's address is the socket's, and Next
// gets every request the API does not place, body intact. (The access matrix goes through it too:
// access-matrix.test.ts.)
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@/app/api-routes';
import { GET as getCustomer } from '@/app/v2/customers/[id]/route';
import { GET as customerHistory } from '@/app/v2/customers/[id]/history/route';
import { GET as lookupCustomer } from '@/app/v2/customers/lookup/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { GET as openapi } from '@/app/v2/openapi.json/route';
import { PEER_HEADER } from '@/lib/http/client-address';
import { checkAgainstDocument } from './document-check';
import {
  call,
  callThroughServer,
  callVia,
  DEMO_TILL,
  LEFT_TO_NEXT,
  newCustomerBody,
  uniqueMobile,
  serverBaseUrl,
  type CallOptions,
  type Door,
} from './helpers';

const auth = { authorization: DEMO_TILL };

/** The route files under app/v2 and app/v3, as router paths: [id] is :id, [...path] is *. */
function routeFilePaths(): string[] {
  const app = path.join(process.cwd(), 'app');
  const found: string[] = [];
  for (const top of ['v2', 'v3']) {
    for (const entry of readdirSync(path.join(app, top), { recursive: true, encoding: 'utf8' })) {
      if (path.basename(entry) !== 'route.ts') continue;
      const dir = path.dirname(entry) === '.' ? [] : path.dirname(entry).split(path.sep);
      const segments = dir.map((s) => (s.startsWith('[...') ? '*' : s.startsWith('[') ? `:${s.slice(1, -1)}` : s));
      found.push(['', top, ...segments].join('/'));
    }
  }
  return found.sort();
}

/** The raw answer of one HTTP request to the server. */
function rawRequest(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
  write?: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return serverBaseUrl().then(
    (base) =>
      new Promise((resolve, reject) => {
        const req = http.request(`${base}${pathAndQuery}`, { method, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            const answer = { status: res.statusCode ?? 0, headers: res.headers, body };
            if (answer.status === LEFT_TO_NEXT) return resolve(answer);
            // Every answer of ours is held to the OpenAPI document, as `call`'s are.
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
            const json = headers.get('content-type')?.startsWith('application/json') && body ? JSON.parse(body) : body;
            checkAgainstDocument({ method, path: pathAndQuery, status: answer.status, headers, body: json }).then(
              () => resolve(answer),
              reject,
            );
          });
        });
        req.on('error', reject);
        if (write) write(req);
        else req.end();
      }),
  );
}

describe('the server', () => {
  it('knows every route file under app/v2 and app/v3, and every handler there carries its serve', () => {
    expect(API_ROUTES.map((r) => r.path).sort()).toEqual(routeFilePaths());
    for (const route of API_ROUTES) {
      const methods = Object.entries(route.handlers as Record<string, { serve?: unknown }>).filter(
        ([, v]) => typeof v === 'function',
      );
      expect(methods.length, route.path).toBeGreaterThan(0);
      for (const [method, handler] of methods) expect(typeof handler.serve, `${method} ${route.path}`).toBe('function');
    }
  });

  it('answers as the Next handlers do: registration, reads, lookups, history, the OpenAPI document', async () => {
    const mobile = uniqueMobile();
    const created = await callThroughServer<{ createdId: number; warnings: unknown[] }>({
      body: newCustomerBody(mobile),
      headers: auth,
    });
    expect(created.status).toBe(200);
    expect(created.body.createdId).toBeGreaterThan(0);
    const id = String(created.body.createdId);

    // The same registration again, each way: the same 8006 answer.
    const again = (door: Door) => callVia(door, registerCustomer, { body: newCustomerBody(mobile), headers: auth });
    const [nextDup, serverDup] = [await again('next'), await again('server')];
    expect(serverDup.status).toBe(nextDup.status);
    expect(serverDup.body).toEqual(nextDup.body);

    const pairs: [Parameters<typeof call>[0], CallOptions][] = [
      [getCustomer, { method: 'GET', path: `/v2/customers/${id}`, params: { id } }],
      [getCustomer, { method: 'GET', path: `/v2/customers/${id}?source=INSTORE`, params: { id } }],
      [getCustomer, { method: 'GET', path: '/v2/customers/999999999999', params: { id: '999999999999' } }],
      [customerHistory, { method: 'GET', path: `/v2/customers/${id}/history`, params: { id } }],
      [lookupCustomer, { method: 'GET', path: `/v2/customers/lookup?identifierName=mobile&identifierValue=${mobile}` }],
      [openapi, { method: 'GET', path: '/v2/openapi.json' }],
    ];
    for (const [handler, opts] of pairs) {
      const viaNext = await call(handler, { ...opts, headers: auth });
      const viaServer = await callThroughServer({ ...opts, headers: auth });
      expect(viaServer.status, opts.path).toBe(viaNext.status);
      expect(viaServer.body, opts.path).toEqual(viaNext.body);
      for (const h of ['etag', 'content-type', 'cache-control']) {
        expect(viaServer.headers.get(h), `${h} of ${opts.path}`).toBe(viaNext.headers.get(h));
      }
    }

    // An id sent percent-encoded names the same customer.
    const encoded = [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    const viaEncoded = await callThroughServer({ method: 'GET', path: `/v2/customers/${encoded}`, headers: auth });
    expect(viaEncoded.status).toBe(200);
    expect(viaEncoded.body.id).toBe(created.body.createdId);
  });

  it('answers failures in the envelope: credentials, media type, malformed JSON, method, unknown paths', async () => {
    const cases: [CallOptions, number, number][] = [
      [{ body: newCustomerBody() }, 401, 401],
      [{ rawBody: '{}', headers: { ...auth, 'content-type': 'text/plain' } }, 415, 415],
      [{ rawBody: '{"profiles": [', headers: { ...auth, 'content-type': 'application/json' } }, 400, 400],
      [{ method: 'DELETE', path: '/v2/customers', headers: auth }, 405, 405],
      [{ method: 'GET', path: '/v2/nothing/here', headers: auth }, 404, 404],
      [{ method: 'GET', path: '/v2', headers: auth }, 404, 404],
      [{ method: 'POST', path: '/v3/nothing', headers: auth }, 404, 404],
    ];
    for (const [opts, status, code] of cases) {
      const res = await callThroughServer<{ errors: { code: number }[]; warnings: unknown[] }>(opts);
      expect(res.status, JSON.stringify(opts)).toBe(status);
      expect(res.body.errors.map((e) => e.code)).toContain(code);
      expect(res.body.warnings).toEqual([]);
      expect(res.headers.get('content-type')).toBe('application/json');
    }
    const notAllowed = await callThroughServer({ method: 'DELETE', path: '/v2/customers', headers: auth });
    expect(notAllowed.headers.get('allow')).toBe('POST');
  });

  it('sends the security headers of every response, HSTS only over HTTPS, and the request id', async () => {
    const plain = await rawRequest('GET', '/v2/extendedFields', { ...auth, 'x-request-id': 'server-check-1' });
    expect(plain.status).toBe(200);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-request-id']).toBe('server-check-1');
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    const https = await rawRequest('GET', '/v2/extendedFields', { ...auth, 'x-forwarded-proto': 'https' });
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });

  it('refuses a body past 1 MiB sent without a length with 413 in the envelope', async () => {
    const res = await rawRequest(
      'POST',
      '/v2/customers',
      { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      (req) => {
        const chunk = `"${'x'.repeat(64 * 1024)}",`;
        req.write('{"pad":[');
        for (let i = 0; i < 24; i++) req.write(chunk);
        req.end('""]}');
      },
    );
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { errors: { code: number }[] }).errors[0]?.code).toBe(413);
  });

  it("answers a 2 MiB body sent with Node's fetch: 413 in the envelope, also when the route refuses first", async () => {
    const base = await serverBaseUrl();
    const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) });
    /** The body as a stream: fetch sends it chunked, without a length, so the cap stops the reading. */
    const streamed = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(big);
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      });
    const json = { ...auth, 'content-type': 'application/json' };
    const sent: { headers: Record<string, string>; body: () => string | ReadableStream<Uint8Array>; status: number }[] =
      [
        // With its length (fetch sends it for a string), refused before a byte is read.
        { headers: json, body: () => big, status: 413 },
        { headers: json, body: streamed, status: 413 },
        // No credentials: the route answers before it reads the body.
        { headers: { 'content-type': 'application/json' }, body: () => big, status: 401 },
      ];
    for (const { headers, body: make, status } of sent) {
      const init = { method: 'POST', headers, body: make(), duplex: 'half' } as RequestInit;
      const res = await fetch(`${base}/v2/customers`, init);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = (await res.json()) as { createdId: null; errors: { code: number }[]; warnings: unknown[] };
      await checkAgainstDocument({ method: 'POST', path: '/v2/customers', status, headers: res.headers, body });
      expect(body).toMatchObject({ createdId: null, warnings: [] });
      expect(body.errors.map((e) => e.code)).toEqual([status]);
    }
    // The connection of such an answer stays usable: the next request on it is answered.
    const after = await fetch(`${base}/v2/extendedFields`, { headers: auth });
    expect(after.status).toBe(200);
  });

  it("stamps the caller's socket address over whatever the client sent under that name", async () => {
    const forged = await rawRequest('GET', '/member-care/ui', { [PEER_HEADER]: '198.51.100.1' });
    expect(forged.status).toBe(LEFT_TO_NEXT);
    expect(forged.headers['x-seen-peer']).toBe('127.0.0.1');
    const fromElsewhere = await callThroughServer({
      method: 'GET',
      path: '/login',
      headers: { [PEER_HEADER]: '10.7.7.7' },
    });
    expect(fromElsewhere.headers.get('x-seen-peer')).toBe('127.7.7.7');
  });

  it('hands Next what the API does not place: trailing slashes, HEAD, OPTIONS, odd encodings, other paths', async () => {
    const left: [string, string][] = [
      ['GET', '/v2/customers/'],
      ['HEAD', '/v2/extendedFields'],
      ['OPTIONS', '/v2/customers'],
      ['PROPFIND', '/v2/customers'],
      ['GET', '/v2/customers/%E0%A4%A'],
      ['GET', '/v2//customers'],
      ['GET', '/v2customers'],
      ['GET', '/api/health'],
      ['POST', '/api/health'],
      ['GET', '/member-care/ui'],
      ['GET', '/'],
      ['GET', '/_next/static/chunks/x.js'],
    ];
    for (const [method, p] of left) {
      expect((await rawRequest(method, p, auth)).status, `${method} ${p}`).toBe(LEFT_TO_NEXT);
    }
  });

  it('hands Next the body of a request it answers untouched (server actions post to pages)', async () => {
    const body = 'a'.repeat(3 * 1024 * 1024);
    const res = await rawRequest(
      'POST',
      '/member-care/settings',
      { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'abc', 'content-length': String(body.length) },
      (req) => req.end(body),
    );
    expect(res.status).toBe(LEFT_TO_NEXT);
    expect(res.headers['x-seen-body-bytes']).toBe(String(body.length));
  });
});
