// The Node door (lib/api/node-door.ts): in production it answers /v2 and /v3 from node:http with the
// routes' own `serve`. Here it runs on a real port of the test process: its route list matches the
// route files, it answers as the Next handlers do, it sends the security headers, and it leaves to
// Next every request it cannot place. (The access matrix goes through it too: access-matrix.test.ts.)
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_DOOR_ROUTES } from '@/app/node-door-routes';
import { GET as getCustomer } from '@/app/v2/customers/[id]/route';
import { GET as customerHistory } from '@/app/v2/customers/[id]/history/route';
import { GET as lookupCustomer } from '@/app/v2/customers/lookup/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { GET as openapi } from '@/app/v2/openapi.json/route';
import {
  call,
  callThroughDoor,
  callVia,
  DEMO_TILL,
  doorBaseUrl,
  LEFT_TO_NEXT,
  newCustomerBody,
  uniqueMobile,
  type CallOptions,
  type Door,
} from './helpers';

const auth = { authorization: DEMO_TILL };

/** The route files under app/v2 and app/v3, as door paths: [id] is :id, [...path] is *. */
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

/** The raw answer of one HTTP request to the door. */
function rawRequest(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
  write?: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return doorBaseUrl().then(
    (base) =>
      new Promise((resolve, reject) => {
        const req = http.request(`${base}${pathAndQuery}`, { method, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        if (write) write(req);
        else req.end();
      }),
  );
}

describe('the Node door', () => {
  it('knows every route file under app/v2 and app/v3, and every handler there carries its serve', () => {
    expect(NODE_DOOR_ROUTES.map((r) => r.path).sort()).toEqual(routeFilePaths());
    for (const route of NODE_DOOR_ROUTES) {
      const methods = Object.entries(route.handlers).filter(([, v]) => typeof v === 'function');
      expect(methods.length, route.path).toBeGreaterThan(0);
      for (const [method, handler] of methods) expect(typeof handler.serve, `${method} ${route.path}`).toBe('function');
    }
  });

  it('answers as the Next handlers do: registration, reads, lookups, history, the OpenAPI document', async () => {
    const mobile = uniqueMobile();
    const created = await callThroughDoor<{ createdId: number; warnings: unknown[] }>({
      body: newCustomerBody(mobile),
      headers: auth,
    });
    expect(created.status).toBe(200);
    expect(created.body.createdId).toBeGreaterThan(0);
    const id = String(created.body.createdId);

    // The same registration again, through each door: the same 8006 answer.
    const again = (door: Door) => callVia(door, registerCustomer, { body: newCustomerBody(mobile), headers: auth });
    const [nextDup, doorDup] = [await again('next'), await again('node')];
    expect(doorDup.status).toBe(nextDup.status);
    expect(doorDup.body).toEqual(nextDup.body);

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
      const viaDoor = await callThroughDoor({ ...opts, headers: auth });
      expect(viaDoor.status, opts.path).toBe(viaNext.status);
      expect(viaDoor.body, opts.path).toEqual(viaNext.body);
      for (const h of ['etag', 'content-type', 'cache-control']) {
        expect(viaDoor.headers.get(h), `${h} of ${opts.path}`).toBe(viaNext.headers.get(h));
      }
    }

    // An id sent percent-encoded names the same customer.
    const encoded = [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    const viaEncoded = await callThroughDoor({ method: 'GET', path: `/v2/customers/${encoded}`, headers: auth });
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
      const res = await callThroughDoor<{ errors: { code: number }[]; warnings: unknown[] }>(opts);
      expect(res.status, JSON.stringify(opts)).toBe(status);
      expect(res.body.errors.map((e) => e.code)).toContain(code);
      expect(res.body.warnings).toEqual([]);
      expect(res.headers.get('content-type')).toBe('application/json');
    }
    const notAllowed = await callThroughDoor({ method: 'DELETE', path: '/v2/customers', headers: auth });
    expect(notAllowed.headers.get('allow')).toBe('POST');
  });

  it('sends the security headers of every response, HSTS only over HTTPS, and the request id', async () => {
    const plain = await rawRequest('GET', '/v2/extendedFields', { ...auth, 'x-request-id': 'door-check-1' });
    expect(plain.status).toBe(200);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-request-id']).toBe('door-check-1');
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    const https = await rawRequest('GET', '/v2/extendedFields', { ...auth, 'x-forwarded-proto': 'https' });
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });

  it('refuses a body past 1 MiB sent without a length with 413, and closes that connection', async () => {
    const res = await rawRequest(
      'POST',
      '/v2/customers',
      { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      (req) => {
        req.on('error', () => {}); // the server may close before the client has sent it all
        const chunk = `"${'x'.repeat(64 * 1024)}",`;
        req.write('{"pad":[');
        for (let i = 0; i < 24; i++) req.write(chunk);
        req.end('""]}');
      },
    );
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect((JSON.parse(res.body) as { errors: { code: number }[] }).errors[0]?.code).toBe(413);
  });

  it('leaves to Next what it cannot place: trailing slashes, HEAD, OPTIONS, odd encodings, other paths', async () => {
    const left: [string, string][] = [
      ['GET', '/v2/customers/'],
      ['HEAD', '/v2/extendedFields'],
      ['OPTIONS', '/v2/customers'],
      ['GET', '/v2/customers/%E0%A4%A'],
      ['GET', '/v2//customers'],
      ['GET', '/v2customers'],
      ['GET', '/api/health'],
      ['GET', '/member-care/ui'],
    ];
    for (const [method, p] of left) {
      expect((await rawRequest(method, p, auth)).status, `${method} ${p}`).toBe(LEFT_TO_NEXT);
    }
  });
});
