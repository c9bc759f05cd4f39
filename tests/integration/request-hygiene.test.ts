// Framework-level failures answer in the JSON envelope (docs/api.md#envelopes): unknown route, wrong method,
// content type, size, malformed JSON, in the contract's order of checks.
import { describe, expect, it } from 'vitest';
import * as unknownV2 from '@/app/v2/[...path]/route';
import * as unknownV3 from '@/app/v3/[...path]/route';
import * as v2Root from '@/app/v2/route';
import * as v3Root from '@/app/v3/route';
import * as customers from '@/app/v2/customers/route';
import { checkAgainstDocument } from './document-check';
import { call, DEMO_TILL, newCustomerBody, READONLY_TILL } from './helpers';

type Envelope = { errors: { status: boolean; code: number; message: string }[]; warnings: unknown[] };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

describe('unknown paths', () => {
  it.each(METHODS)('answer %s /v2/... with 404 in the v2 envelope', async (method) => {
    const res = await call<Envelope>(unknownV2[method], {
      method,
      path: '/v2/nothing/here',
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ warnings: [], errors: [{ status: false, code: 404, message: 'Not found' }] });
  });

  it('answer /v3/... with 404 in the v3 envelope (data: null)', async () => {
    const res = await call<Envelope & { data: null }>(unknownV3.POST, { path: '/v3/oauth/nothing', body: {} });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      data: null,
      warnings: [],
      errors: [{ status: false, code: 404, message: 'Not found' }],
    });
  });

  it('answer the bare /v2 and /v3 with 404 in their envelopes', async () => {
    const v2 = await call<Envelope>(v2Root.GET, { method: 'GET', path: '/v2' });
    expect(v2.status).toBe(404);
    expect(v2.body).toEqual({ warnings: [], errors: [{ status: false, code: 404, message: 'Not found' }] });
    const v3 = await call<Envelope>(v3Root.POST, { path: '/v3', body: {} });
    expect(v3.status).toBe(404);
    expect(v3.body).toMatchObject({ data: null, errors: [{ code: 404 }] });
  });
});

describe('POST /v2/customers request checks', () => {
  const post = (opts: Parameters<typeof call>[1]) => call<Envelope & { createdId: null }>(customers.POST, opts);

  it('answers a wrong method with 405 and Allow, before credentials', async () => {
    if (!customers.DELETE) throw new Error('the route must export a DELETE that answers 405');
    const res = await call<Envelope>(customers.DELETE, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.body).toMatchObject({ createdId: null, errors: [{ code: 405 }] });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await post({
      rawBody: 'mobile=919900000001',
      headers: { authorization: DEMO_TILL, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ createdId: null, errors: [{ code: 415 }] });
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ ...newCustomerBody(), padding: 'x'.repeat(1024 * 1024) });
    const res = await post({ rawBody: big, headers: { authorization: DEMO_TILL, 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ createdId: null, errors: [{ code: 413 }] });
  });

  it('answers 413 to a chunked body without Content-Length, without reading it all', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request('http://localhost/v2/customers', {
      method: 'POST',
      headers: { authorization: DEMO_TILL, 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const res = await customers.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    const answer = { status: res.status, headers: res.headers, body: await res.json() };
    await checkAgainstDocument({ method: 'POST', path: '/v2/customers', ...answer });
    expect(pulled).toBeLessThan(2 * 1024 * 1024); // stopped just past 1 MiB, not at 64 MiB
  });

  it.each([
    ['malformed JSON', '{"profiles": [', 'body: malformed JSON'],
    ['a JSON array', '[]', 'body: must be a JSON object'],
  ])('answers 400 for %s', async (_, rawBody, message) => {
    const res = await post({ rawBody, headers: { authorization: DEMO_TILL, 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ createdId: null, errors: [{ status: false, code: 400, message }] });
  });

  it('checks credentials and permission before the body', async () => {
    const noCreds = await post({ rawBody: 'not json', headers: { 'content-type': 'text/plain' } });
    expect(noCreds.status).toBe(401);
    const readOnly = await post({
      rawBody: 'not json',
      headers: { authorization: READONLY_TILL, 'content-type': 'text/plain' },
    });
    expect(readOnly.status).toBe(403);
  });
});
