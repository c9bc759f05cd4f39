// Every answer the integration suite receives is held to the published OpenAPI document
// (GET /v2/openapi.json, lib/openapi) by a third-party validator: openapi-backend finds the operation
// (method and path template) and validates the headers and the JSON body of the status against the
// document's schemas with Ajv's JSON Schema 2020-12 dialect, the dialect of OpenAPI 3.1; a header the
// response does not declare is refused (HTTP's own and the security headers aside). What it leaves to
// the caller is checked here, from the document alone: that the status is documented at all, the
// headers the document marks required, and the content type. Another method of a documented path is
// held to the path's 405, an unknown path under /v2 or /v3 to components.responses.UnknownRoute.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { OpenAPIBackend, SetMatchType, type Document } from 'openapi-backend';
import securityHeaders from '@/lib/http/security-headers.json';
import { getOpenApiDocument } from '@/lib/openapi/document';

export interface ReceivedAnswer {
  method: string;
  /** With its query, as sent. */
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}

interface ResponseObject {
  headers?: Record<string, { required?: boolean; schema?: object }>;
  content?: Record<string, { schema?: object }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Headers of HTTP itself and of every answer (lib/http/security-headers.json), which no operation declares. */
const GENERIC_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'cache-control',
  'vary',
  ...[...securityHeaders.always, ...securityHeaders.overHttps].map((h) => h.key.toLowerCase()),
]);

/** The answer's headers that the document must declare. */
function specificHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !GENERIC_HEADERS.has(name.toLowerCase())));
}

let backend: Promise<OpenAPIBackend> | undefined;

/** OpenAPI 3.1 schemas are JSON Schema 2020-12; `format` (date-time, …) is asserted too. */
const dialect = (opts: Options = {}) => addFormats(new Ajv2020({ ...opts, strict: false, allErrors: true }));

/** The published document, as the route serves it (a JSON round trip), dereferenced once. */
function validator(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const api = new OpenAPIBackend({
      definition: JSON.parse(getOpenApiDocument().json) as Document,
      strict: true,
      // Its own check of the document is OpenAPI 3.0's; openapi.test.ts checks it as 3.1.
      quick: true,
      customizeAjv: (_draft7, opts) => dialect(opts),
    });
    await api.init();
    return api;
  })();
  return backend;
}

/** What is wrong with an answer against its documented response; [] when nothing is. */
export async function documentProblems(answer: ReceivedAnswer): Promise<string[]> {
  const api = await validator();
  const url = new URL(answer.path, 'http://localhost');
  const operation = api.matchOperation({
    method: answer.method.toLowerCase(),
    path: url.pathname,
    headers: {},
    query: url.search.slice(1),
  });
  if (!operation) {
    // A documented path, another method: the 405 its operations document.
    const sibling = METHODS.map((method) => api.matchOperation({ method, path: url.pathname, headers: {} })).find(
      (op) => op !== undefined,
    );
    if (sibling) {
      const documented = sibling.responses?.['405'] as ResponseObject | undefined;
      if (answer.status !== 405 || !documented)
        return [`${answer.method} is no operation of ${sibling.path}: expected its documented 405`];
      return responseProblems(documented, answer, () => [
        ...problemsOf(api.validateResponse(answer.body, sibling, 405)),
        ...problemsOf(
          api.validateResponseHeaders(specificHeaders(answer.headers), sibling, {
            statusCode: 405,
            setMatchType: SetMatchType.Subset,
          }),
        ),
      ]);
    }
    if (!/^\/v[23](\/|$)/.test(url.pathname)) return [`${answer.method} ${url.pathname} is not in the document`];
    const unknownRoute = api.definition.components?.responses?.UnknownRoute as ResponseObject;
    if (answer.status !== 404) return [`an unknown path answered ${answer.status}, not UnknownRoute's 404`];
    return responseProblems(unknownRoute, answer, () => unknownRouteProblems(unknownRoute, answer));
  }
  const documented = operation.responses?.[String(answer.status)] as ResponseObject | undefined;
  if (!documented) return [`status ${answer.status} is not documented for ${operation.operationId}`];
  return responseProblems(documented, answer, () => {
    const body = api.validateResponse(answer.body, operation, answer.status);
    // Subset: every header sent is declared (HTTP's own aside), and each matches its schema.
    const headers = api.validateResponseHeaders(specificHeaders(answer.headers), operation, {
      statusCode: answer.status,
      setMatchType: SetMatchType.Subset,
    });
    return [...problemsOf(body), ...problemsOf(headers)];
  });
}

function responseProblems(documented: ResponseObject, answer: ReceivedAnswer, validate: () => string[]): string[] {
  const problems: string[] = [];
  for (const [name, header] of Object.entries(documented.headers ?? {}))
    if (header.required && !answer.headers.has(name)) problems.push(`header ${name} is required but absent`);
  const type = answer.headers.get('content-type')?.split(';')[0]?.trim();
  const types = Object.keys(documented.content ?? {});
  if (answer.body !== null && (!type || !types.includes(type)))
    problems.push(`content type ${type ?? '(none)'} is not among the documented ${types.join(', ') || '(none)'}`);
  return [...problems, ...validate()];
}

let unknownRouteBody: ValidateFunction | undefined;

/** The UnknownRoute component's body (no operation to hand the validator), with the same dialect. */
function unknownRouteProblems(documented: ResponseObject, answer: ReceivedAnswer): string[] {
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) return ['UnknownRoute has no JSON schema'];
  unknownRouteBody ??= dialect().compile(schema);
  const declared = Object.keys(documented.headers ?? {}).map((h) => h.toLowerCase());
  return [
    ...Object.keys(specificHeaders(answer.headers))
      .filter((name) => !declared.includes(name))
      .map((name) => `header ${name} is not declared`),
    ...(unknownRouteBody(answer.body) ? [] : (unknownRouteBody.errors ?? []).map(problemOf)),
  ];
}

const problemOf = (e: ErrorObject) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`;
const problemsOf = (result: { errors?: ErrorObject[] | null }) => (result.errors ?? []).map(problemOf);

/**
 * Throws, naming every problem, when an answer is off the document: an undocumented status, a
 * required header missing, a header or body that its schema refuses.
 */
export async function checkAgainstDocument(answer: ReceivedAnswer): Promise<void> {
  const problems = await documentProblems(answer);
  if (problems.length > 0) {
    const url = new URL(answer.path, 'http://localhost');
    throw new Error(
      `${answer.method} ${url.pathname} answered ${answer.status} off the OpenAPI document:\n  ${problems.join('\n  ')}`,
    );
  }
}
