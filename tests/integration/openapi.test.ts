import { readdirSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/v2/openapi.json/route';
import { ERROR_CATALOGUE, WARNING_CATALOGUE } from '@/lib/errors';
import { getOpenApiDocument, OPERATIONS, type OperationSpec } from '@/lib/openapi/document';
import { REGISTRATION_REQUEST_EXAMPLES } from '@/lib/openapi/examples';
import { checkAgainstDocument, documentProblems, type ReceivedAnswer } from './document-check';
import { call, DEMO_TILL, uniqueMobile, type CallResult } from './helpers';

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

/** The route file that serves each documented path. */
const MODULES: Record<string, () => Promise<RouteModule>> = {
  '/v2/customers': () => import('@/app/v2/customers/route'),
  '/v2/customers/bulk': () => import('@/app/v2/customers/bulk/route'),
  '/v2/customers/{id}': () => import('@/app/v2/customers/[id]/route'),
  '/v2/customers/{id}/history': () => import('@/app/v2/customers/[id]/history/route'),
  '/v2/customers/{id}/changeIdentifier': () => import('@/app/v2/customers/[id]/changeIdentifier/route'),
  '/v2/customers/lookup': () => import('@/app/v2/customers/lookup/route'),
  '/v2/customers/search': () => import('@/app/v2/customers/search/route'),
  '/v2/extendedFields': () => import('@/app/v2/extendedFields/route'),
  '/v3/oauth/token/generate': () => import('@/app/v3/oauth/token/generate/route'),
  '/v2/openapi.json': () => import('@/app/v2/openapi.json/route'),
  '/api/health': () => import('@/app/api/health/route'),
  '/v2/staff': () => import('@/app/v2/staff/route'),
  '/v2/staff/{id}': () => import('@/app/v2/staff/[id]/route'),
  '/v2/staff/{id}/resetPassword': () => import('@/app/v2/staff/[id]/resetPassword/route'),
  '/v2/apiClients': () => import('@/app/v2/apiClients/route'),
  '/v2/apiClients/{id}': () => import('@/app/v2/apiClients/[id]/route'),
  '/v2/apiClients/{id}/rotate': () => import('@/app/v2/apiClients/[id]/rotate/route'),
  '/v2/audit': () => import('@/app/v2/audit/route'),
  '/v2/imports': () => import('@/app/v2/imports/route'),
  '/v2/imports/{id}': () => import('@/app/v2/imports/[id]/route'),
  '/v2/imports/{id}/results': () => import('@/app/v2/imports/[id]/results/route'),
  '/v2/imports/{id}/cancel': () => import('@/app/v2/imports/[id]/cancel/route'),
  '/v2/requests': () => import('@/app/v2/requests/route'),
  '/v2/requests/{id}': () => import('@/app/v2/requests/[id]/route'),
  '/v2/requests/{id}/unmerge': () => import('@/app/v2/requests/[id]/unmerge/route'),
  '/v2/customers/merge/preview': () => import('@/app/v2/customers/merge/preview/route'),
  '/v2/customers/{id}/export': () => import('@/app/v2/customers/[id]/export/route'),
  '/v3/webHooks': () => import('@/app/v3/webHooks/route'),
  '/v3/webHooks/eventMetaData': () => import('@/app/v3/webHooks/eventMetaData/route'),
  '/v3/webHooks/{id}': () => import('@/app/v3/webHooks/[id]/route'),
  '/v3/webHooks/{id}/deliveries': () => import('@/app/v3/webHooks/[id]/deliveries/route'),
  '/v3/webHooks/{id}/deliveries/{deliveryId}/redeliver': () =>
    import('@/app/v3/webHooks/[id]/deliveries/[deliveryId]/redeliver/route'),
};

const { doc } = getOpenApiDocument();
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function handlerOf(op: OperationSpec): Promise<Handler> {
  const mod = await MODULES[op.path]!();
  const handler = mod[op.method.toUpperCase() as (typeof METHODS)[number]];
  if (!handler) throw new Error(`${op.path} exports no ${op.method.toUpperCase()}`);
  return handler;
}

/** The API's route files (next-auth's and the 404 catch-alls aside), as OpenAPI paths. */
function apiRouteFiles(): string[] {
  const app = path.join(process.cwd(), 'app');
  return readdirSync(app, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .map(
      (f) =>
        `/${path
          .dirname(f)
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join('/')}`,
    )
    .filter((p) => /^\/(v2|v3|api)\//.test(p) && !p.includes('[...') && !p.startsWith('/api/auth'))
    .map((p) => p.replace(/\[(\w+)\]/g, '{$1}'))
    .sort();
}

/** The body must be exactly what the documented schema describes: no missing and no extra keys. */
function expectDocumented(op: OperationSpec, res: CallResult<unknown>): void {
  const where = `${op.method.toUpperCase()} ${op.path} → ${res.status} ${JSON.stringify(res.body)}`;
  const documented = doc.paths?.[op.path]?.[op.method]?.responses?.[String(res.status)];
  expect(documented, where).toBeDefined();
  const schema = res.status === op.success.status ? op.success.schema : (op.extra?.[res.status]?.schema ?? op.failure);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues, where).toBeUndefined();
  expect(parsed.data, where).toEqual(res.body);
  if (res.status !== op.success.status && !op.extra?.[res.status]) {
    const codes = (res.body as { errors: { code: number }[] }).errors.map((e) => e.code);
    for (const code of codes)
      expect((documented as { 'x-error-codes': number[] })['x-error-codes'], where).toContain(code);
  }
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('is served at GET /v2/openapi.json', async () => {
    const res = await call(getDocument, { method: 'GET', path: '/v2/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('documents exactly the routes the API serves, with both security schemes', async () => {
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(apiRouteFiles());
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(['basicAuth', 'oauthToken']);
    for (const op of OPERATIONS) {
      const mod = await MODULES[op.path]!();
      expect(typeof mod[op.method.toUpperCase() as (typeof METHODS)[number]], `${op.method} ${op.path}`).toBe(
        'function',
      );
    }
  });

  it('lists every error and warning code of the catalogues, and documents every error code on some response', () => {
    const wire = JSON.parse(getOpenApiDocument().json) as Record<string, { code: number }[]>;
    const table = (key: string) => wire[key]?.map((r) => r.code);
    expect(table('x-error-codes')).toEqual(Object.keys(ERROR_CATALOGUE).map(Number));
    expect(table('x-warning-codes')).toEqual(Object.keys(WARNING_CATALOGUE).map(Number));
    const codesOf = (responses: object) =>
      Object.values(responses).flatMap((r) => (r as { 'x-error-codes'?: number[] })['x-error-codes'] ?? []);
    const onResponses = new Set([
      ...Object.values(doc.paths ?? {}).flatMap((item) =>
        Object.values(item ?? {}).flatMap((op) => codesOf((op as { responses?: object }).responses ?? {})),
      ),
      ...codesOf(doc.components?.responses ?? {}),
    ]);
    expect([...onResponses].sort((a, b) => a - b)).toEqual(
      Object.keys(ERROR_CATALOGUE)
        .map(Number)
        .sort((a, b) => a - b),
    );
    const registered = doc.paths?.['/v2/customers']?.post?.responses?.['200'] as {
      description: string;
      'x-warning-codes': number[];
    };
    expect(registered['x-warning-codes']).toEqual(Object.keys(WARNING_CATALOGUE).map(Number));
    for (const code of Object.keys(WARNING_CATALOGUE)) expect(registered.description).toContain(`**${code}**`);
  });

  it('documents the headers of the contract', () => {
    const json = getOpenApiDocument().json;
    for (const header of [
      'X-Request-Id',
      'Idempotency-Key',
      'USER-CONTEXT-ENTITY-TYPE',
      'USER-CONTEXT-ENTITY-ID',
      'USER-CONTEXT-ENTITY-SOURCE',
      'USER-CONTEXT-ENTITY-SOURCE-ID',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
    ])
      expect(json.includes(`"${header}"`), header).toBe(true);
  });
});

describe('the documented examples, sent to the routes', () => {
  const op = (method: string, p: string) => OPERATIONS.find((o) => o.method === method && o.path === p)!;

  it('answer every seed request example of POST /v2/customers as documented: created, or 8006 once it exists', async () => {
    const register = op('post', '/v2/customers');
    const handler = await handlerOf(register);
    for (const [name, example] of Object.entries(REGISTRATION_REQUEST_EXAMPLES)) {
      const res = await call<unknown>(handler, { body: example.value, headers: { authorization: DEMO_TILL } });
      expectDocumented(register, res);
      const codes = res.status === 200 ? [] : (res.body as { errors: { code: number }[] }).errors.map((e) => e.code);
      expect([200, 409], name).toContain(res.status);
      if (res.status === 409) expect(codes, name).toEqual([8006]);
    }
  });

  it('answer the lookup with its parameter examples, and the customer it finds', async () => {
    const lookup = op('get', '/v2/customers/lookup');
    const query = new URLSearchParams({ identifierName: 'mobile', identifierValue: '8795779625', source: 'INSTORE' });
    const found = await call<{ entity: number }>(await handlerOf(lookup), {
      method: 'GET',
      path: `/v2/customers/lookup?${query}`,
      headers: { authorization: DEMO_TILL },
    });
    expect(found.status).toBe(200);
    expectDocumented(lookup, found);

    const get = op('get', '/v2/customers/{id}');
    const id = String(found.body.entity);
    const customer = await call(await handlerOf(get), {
      method: 'GET',
      path: `/v2/customers/${id}?source=ALL`,
      params: { id },
      headers: { authorization: DEMO_TILL },
    });
    expect(customer.status).toBe(200);
    expectDocumented(get, customer);
    const missing = await call(await handlerOf(get), {
      method: 'GET',
      path: '/v2/customers/1',
      params: { id: '1' },
      headers: { authorization: DEMO_TILL },
    });
    expect(missing.status).toBe(404);
    expectDocumented(get, missing);
  });

  it('answer the other operations as documented', async () => {
    const token = op('post', '/v3/oauth/token/generate');
    const tokenExample = (
      doc.paths?.[token.path]?.post?.requestBody as {
        content: Record<string, { examples: Record<string, { value: unknown }> }>;
      }
    ).content['application/json']!.examples.demo!.value;
    const issued = await call(await handlerOf(token), { path: token.path, body: tokenExample });
    expect(issued.status).toBe(200);
    expectDocumented(token, issued);
    const refused = await call(await handlerOf(token), {
      path: token.path,
      body: { key: 'demo-key', secret: 'wrong' },
    });
    expect(refused.status).toBe(401);
    expectDocumented(token, refused);

    for (const [p, headers] of [
      ['/v2/extendedFields', { authorization: DEMO_TILL }],
      ['/api/health', {}],
      ['/v2/openapi.json', {}],
    ] as const) {
      const spec = op('get', p);
      const res = await call<unknown>(await handlerOf(spec), { method: 'GET', path: p, headers });
      expect(res.status, p).toBe(200);
      expectDocumented(spec, res);
    }
    const unauthenticated = op('get', '/v2/extendedFields');
    expectDocumented(
      unauthenticated,
      await call<unknown>(await handlerOf(unauthenticated), { method: 'GET', path: '/v2/extendedFields' }),
    );
  });

  it('answer the update and the history of a customer as documented', async () => {
    const created = await call<{ createdId: number }>(await handlerOf(op('post', '/v2/customers')), {
      body: {
        profiles: [{ source: 'INSTORE', firstName: 'Doc', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
      },
      headers: { authorization: DEMO_TILL },
    });
    const id = String(created.body.createdId);
    const update = op('put', '/v2/customers/{id}');
    const example = (
      doc.paths?.[update.path]?.put?.requestBody as {
        content: Record<string, { examples: Record<string, { value: unknown }> }>;
      }
    ).content['application/json']!.examples;
    for (const [name, { value }] of Object.entries(example)) {
      const res = await call<unknown>(await handlerOf(update), {
        method: 'PUT',
        path: `/v2/customers/${id}`,
        params: { id },
        body: value,
        headers: { authorization: DEMO_TILL },
      });
      expect(res.status, name).toBe(200);
      expectDocumented(update, res);
    }
    const stale = await call<unknown>(await handlerOf(update), {
      method: 'PUT',
      path: `/v2/customers/${id}`,
      params: { id },
      body: { profiles: [{ firstName: 'Late' }] },
      headers: { authorization: DEMO_TILL, 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expectDocumented(update, stale);
    const change = op('post', '/v2/customers/{id}/changeIdentifier');
    const card = structuredClone(
      (
        doc.paths?.[change.path]?.post?.requestBody as {
          content: Record<string, { examples: Record<string, { value: unknown }> }>;
        }
      ).content['application/json']!.examples.card!.value,
    ) as { add: { value: string }[] };
    card.add[0]!.value = `MYS-${uniqueMobile()}`;
    for (const expected of [200, 200]) {
      const res = await call<unknown>(await handlerOf(change), {
        path: `/v2/customers/${id}/changeIdentifier`,
        params: { id },
        body: card,
        headers: { authorization: DEMO_TILL },
      });
      expect(res.status).toBe(expected);
      expectDocumented(change, res);
    }
    const conflict = await call<unknown>(await handlerOf(change), {
      path: `/v2/customers/${id}/changeIdentifier`,
      params: { id },
      body: { remove: [{ type: 'mobile', value: '1' }] },
      headers: { authorization: DEMO_TILL },
    });
    expect(conflict.status).toBe(400);
    expectDocumented(change, conflict);
    const history = op('get', '/v2/customers/{id}/history');
    const page = await call<unknown>(await handlerOf(history), {
      method: 'GET',
      path: `/v2/customers/${id}/history`,
      params: { id },
      headers: { authorization: DEMO_TILL },
    });
    expect(page.status).toBe(200);
    expectDocumented(history, page);
    const search = op('get', '/v2/customers/search');
    for (const q of ['doc', 'd']) {
      const res = await call<unknown>(await handlerOf(search), {
        method: 'GET',
        path: `/v2/customers/search?q=${q}`,
        headers: { authorization: DEMO_TILL },
      });
      expect(res.status).toBe(q === 'd' ? 400 : 200);
      expectDocumented(search, res);
    }
  });

  it('take channel flags in any case, as the request schema of the document states', async () => {
    const request = doc.paths?.['/v2/customers']?.post?.requestBody as {
      content: Record<string, { schema: { $ref: string } }>;
    };
    const name = request.content['application/json']!.schema.$ref.split('/').pop()!;
    const flags = JSON.stringify(doc.components?.schemas?.[name]).match(
      /"primary":\{"anyOf":\[[^\]]*"pattern":"([^"]+)"/,
    );
    const pattern = new RegExp(flags![1]!);
    for (const word of ['true', 'TRUE', 'False', 'fAlSe']) expect(pattern.test(word), word).toBe(true);
    expect(pattern.test('yes')).toBe(false);
    const mobile = uniqueMobile();
    const res = await call<unknown>(await handlerOf(op('post', '/v2/customers')), {
      body: {
        profiles: [
          {
            source: 'INSTORE',
            identifiers: [{ type: 'mobile', value: mobile }],
            commChannels: [
              { type: 'mobile', value: mobile, primary: 'TRUE', verified: 'False', meta: { office: 'FALSE' } },
            ],
          },
        ],
      },
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('answer undocumented methods with a documented 405', async () => {
    for (const spec of OPERATIONS) {
      const mod = await MODULES[spec.path]!();
      const served = OPERATIONS.filter((o) => o.path === spec.path).map((o) => o.method.toUpperCase());
      for (const method of METHODS.filter((m) => !served.includes(m))) {
        const handler = mod[method];
        if (!handler || !spec.errorCodes.includes(405)) continue;
        const res = await call<unknown>(handler, { method, path: spec.path, params: { id: '1' } });
        expect(res.status, `${method} ${spec.path}`).toBe(405);
        expectDocumented(spec, res);
      }
    }
  });
});

describe('the check every answer of the suite goes through (document-check.ts)', () => {
  const json = (extra: Record<string, string> = {}) =>
    new Headers({ 'content-type': 'application/json', 'x-request-id': 'r-1', ...extra });
  const fields: ReceivedAnswer = {
    method: 'GET',
    path: '/v2/extendedFields',
    status: 200,
    headers: json({ 'ratelimit-limit': '600' }),
    body: { entity: { customer: [], card: [] }, warnings: [], errors: [], success: true },
  };

  it('passes an answer the document describes, and the catch-alls answering UnknownRoute', async () => {
    expect(await documentProblems(fields)).toEqual([]);
    const notFound = { warnings: [], errors: [{ status: false, code: 404, message: 'Not found' }] };
    for (const [path, body] of [
      ['/v2/nothing/here?x=1', notFound],
      ['/v3/nothing', { data: null, ...notFound }],
    ] as const)
      expect(await documentProblems({ method: 'DELETE', path, status: 404, headers: json(), body }), path).toEqual([]);
  });

  it('refuses an answer off the document: status, required header, header schema, body, content type, path', async () => {
    const off = async (change: Partial<ReceivedAnswer>) => documentProblems({ ...fields, ...change });
    expect(await off({ status: 418 })).toEqual([expect.stringMatching(/status 418 is not documented/)]);
    expect(await off({ headers: new Headers({ 'content-type': 'application/json' }) })).toEqual([
      'header X-Request-Id is required but absent',
    ]);
    expect(await off({ headers: json({ 'ratelimit-limit': 'many' }) })).toEqual([
      expect.stringMatching(/^\/headers\/ratelimit-limit must be integer/),
    ]);
    expect(await off({ headers: json({ 'idempotent-replayed': 'true' }) })).toEqual([
      expect.stringMatching(
        /^\/headers must NOT have additional properties {"additionalProperty":"idempotent-replayed"}/,
      ),
    ]);
    expect(await off({ body: { ...(fields.body as object), success: false } })).toEqual([
      expect.stringMatching(/^\/success must be equal to constant/),
    ]);
    expect(await off({ body: { ...(fields.body as object), extra: 1 } })).toEqual([
      expect.stringMatching(/must NOT have additional properties/),
    ]);
    expect(await off({ headers: json({ 'content-type': 'text/html' }) })).toEqual([
      expect.stringMatching(/content type text\/html is not among the documented application\/json/),
    ]);
    expect(await off({ method: 'POST', status: 200 })).toEqual([
      expect.stringMatching(/POST is no operation of \/v2\/extendedFields/),
    ]);
    expect(await off({ path: '/v3/nothing', status: 404 })).toContain('(body) must match a schema in anyOf {}');
    expect(await off({ path: '/elsewhere' })).toEqual(['GET /elsewhere is not in the document']);
    await expect(checkAgainstDocument({ ...fields, status: 418 })).rejects.toThrow(
      'GET /v2/extendedFields answered 418 off the OpenAPI document',
    );
  });

  it('fails the request helper that received an answer off the document', async () => {
    const offDocument: Handler = async () => Response.json({ surprise: true }, { headers: { 'x-request-id': 'r' } });
    await expect(call(offDocument, { method: 'GET', path: '/v2/extendedFields' })).rejects.toThrow(
      /answered 200 off the OpenAPI document:\n(.|\n)*\(body\) must NOT have additional properties {"additionalProperty":"surprise"}/,
    );
  });
});
