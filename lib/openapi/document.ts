// The OpenAPI 3.1 document, generated from the same zod schemas the routes use (lib/api/schemas.ts,
// lib/customers/request-schema.ts) and from the error catalogue, so it cannot drift from the code.
import { z } from 'zod';
import { createDocument, type ZodOpenApiObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { ErrorItemSchema, ErrorResponseSchema, V3ErrorResponseSchema, WarningSchema } from '@/lib/api/schemas';
import { ERROR_CATALOGUE, WARNING_CATALOGUE, type ErrorCode } from '@/lib/errors';
import { errorCodeRows, warningCodeRows } from './code-tables';
import { API_DESCRIPTION } from './description';
import { DUPLICATE_EXAMPLE } from './examples';
import { ADMIN_OPERATIONS } from './admin-operations';
import { IMPORT_OPERATIONS } from './import-operations';
import { REQUEST_OPERATIONS } from './request-operations';
import { Headers, OPERATIONS as CUSTOMER_OPERATIONS, rateLimitHeaders, type OperationSpec } from './operations';

export type { OperationSpec };
/** Every documented operation: the customer API's, the requests', the imports' and the administration's. */
export const OPERATIONS: OperationSpec[] = [
  ...CUSTOMER_OPERATIONS,
  ...REQUEST_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...ADMIN_OPERATIONS,
];

/** An HTTP status as a key of the responses object (its type allows only status-like strings). */
const statusKey = (status: number) => String(status) as `${1 | 2 | 3 | 4 | 5}${string}`;

/** Answered before an Idempotency-Key is looked at: never a replay. */
const NEVER_REPLAYED = new Set([401, 403, 405, 413, 415, 429]);

function responsesOf(op: OperationSpec): ZodOpenApiResponsesObject {
  const limits = op.authenticated ? rateLimitHeaders : {};
  const replay = op.idempotent ? { 'Idempotent-Replayed': Headers.replayed } : {};
  const responses: ZodOpenApiResponsesObject = {
    [statusKey(op.success.status)]: {
      description: [
        op.success.description,
        ...(op.success.warningCodes?.length ? ['`warnings` may carry:'] : []),
        ...(op.success.warningCodes ?? []).map(
          (c) => `**${c}** ${WARNING_CATALOGUE[c].message}: ${WARNING_CATALOGUE[c].when}`,
        ),
      ].join('\n\n'),
      ...(op.success.warningCodes && { 'x-warning-codes': op.success.warningCodes }),
      headers: z.object({ 'X-Request-Id': Headers.requestId, ...limits, ...replay, ...op.success.headers }),
      content: {
        [op.success.contentType ?? 'application/json']: {
          schema: op.success.schema,
          ...(op.success.examples && { examples: op.success.examples }),
        },
      },
    },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errorCodes)
    byStatus.set(ERROR_CATALOGUE[code].http, [...(byStatus.get(ERROR_CATALOGUE[code].http) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const extraHeaders =
      status === 429 || status === 503
        ? { 'Retry-After': z.number().int().meta({ description: 'Seconds to wait before retrying' }) }
        : status === 405
          ? { Allow: z.string().meta({ description: 'The methods the path serves', example: 'GET' }) }
          : {};
    responses[statusKey(status)] = {
      description: codes.map((c) => `**${c}** ${ERROR_CATALOGUE[c].message}: ${ERROR_CATALOGUE[c].when}`).join('\n\n'),
      // 401 and 403 are answered before the request is counted: no RateLimit-* headers. 8150 is
      // the exception: a refusal of what the body asks, counted and kept for a replay like a 400;
      // and so is the 403 of an operation whose access depends on the body or the record.
      headers: z.object({
        'X-Request-Id': Headers.requestId,
        ...((status === 401 || status === 403) && !codes.includes(8150) && !(status === 403 && op.refusedAfterCount)
          ? {}
          : limits),
        ...(status < 500 && (!NEVER_REPLAYED.has(status) || codes.includes(8150)) ? replay : {}),
        ...extraHeaders,
      }),
      content: {
        'application/json': {
          schema: op.failure,
          ...(codes.includes(8006) && { examples: { duplicate: DUPLICATE_EXAMPLE } }),
        },
      },
      'x-error-codes': codes,
    };
  }
  for (const [status, extra] of Object.entries(op.extra ?? {})) {
    responses[statusKey(Number(status))] = {
      description: extra.description,
      headers: z.object({ 'X-Request-Id': Headers.requestId }),
      content: { 'application/json': { schema: extra.schema } },
    };
  }
  return responses;
}

function pathsOf(ops: OperationSpec[]): NonNullable<ZodOpenApiObject['paths']> {
  const paths: NonNullable<ZodOpenApiObject['paths']> = {};
  for (const op of ops) {
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
        summary: op.summary,
        description: op.description,
        tags: [op.tag],
        security: op.authenticated ? [{ basicAuth: [] }, { oauthToken: [] }] : [],
        ...(op.requestParams && { requestParams: op.requestParams }),
        ...(op.requestBody && {
          requestBody: {
            required: true,
            content: {
              [op.requestBody.contentType ?? 'application/json']: {
                schema: op.requestBody.schema,
                ...(op.requestBody.examples && { examples: op.requestBody.examples }),
              },
            },
          },
        }),
        responses: responsesOf(op),
      },
    };
  }
  return paths;
}

type JsonSchema = Record<string, unknown>;
const KEYWORDS_FOR_ALL_TYPES = ['$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not'];

/**
 * Equivalent, plainer JSON Schema for readers and renderers: no safe-integer bounds on every integer,
 * `true` for "any value", and `type: [T, "null"]` for a nullable T (Scalar's renderer rejects a
 * component whose nested nullable is an anyOf without a type).
 */
function tidy(schema: JsonSchema): void {
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length === 0) schema.additionalProperties = true;
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return;
  const nullIndex = branches.findIndex((b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1);
  const other = branches[1 - nullIndex] as JsonSchema | undefined;
  // Keywords that constrain every type (enum, const, $ref, combinators) would also refuse null: keep those as they are.
  if (nullIndex < 0 || !other || typeof other.type !== 'string' || KEYWORDS_FOR_ALL_TYPES.some((k) => k in other))
    return;
  delete schema.anyOf;
  Object.assign(schema, { ...other, ...schema, type: [other.type, 'null'] });
}

export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Member Care API',
        version: '2.0.0',
        description: API_DESCRIPTION,
      },
      tags: [
        { name: 'Customers' },
        { name: 'Requests' },
        { name: 'Configuration' },
        { name: 'Administration' },
        { name: 'Authentication' },
        { name: 'Meta' },
      ],
      paths: pathsOf(OPERATIONS),
      components: {
        schemas: { Warning: WarningSchema, Error: ErrorItemSchema },
        // An unknown path is no operation's answer; it is documented once, here, and the catch-all routes
        // (app/v2/[...path], app/v3/[...path], /v2, /v3) answer it: tests/integration/document-check.ts holds them to it.
        responses: {
          UnknownRoute: {
            description: `**404** ${ERROR_CATALOGUE[404].message}: ${ERROR_CATALOGUE[404].when} under /v2 or /v3, any method (under /v3 with \`data: null\`)`,
            headers: z.object({ 'X-Request-Id': Headers.requestId }),
            content: { 'application/json': { schema: z.union([ErrorResponseSchema, V3ErrorResponseSchema]) } },
            'x-error-codes': [404],
          },
        },
        securitySchemes: {
          basicAuth: {
            type: 'http',
            scheme: 'basic',
            description:
              'Till code as user name and the lowercase hex MD5 of the till password as password: ' +
              'Authorization: Basic base64(tillCode + ":" + md5hex(password)).',
          },
          oauthToken: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CAP-API-OAUTH-TOKEN',
            description:
              'A token from POST /v3/oauth/token/generate (300 seconds). When sent, it decides, whatever Authorization says.',
          },
        },
      },
      'x-error-codes': errorCodeRows(),
      'x-warning-codes': warningCodeRows(),
    },
    { override: ({ jsonSchema }) => tidy(jsonSchema) },
  );
}

type Built = { doc: ReturnType<typeof createDocument>; json: string };
let built: Built | undefined;

/** The document, built once per module load (it depends on code only, never on data). */
export function getOpenApiDocument(): Built {
  if (!built) {
    const doc = buildOpenApiDocument();
    built = { doc, json: JSON.stringify(doc) };
  }
  return built;
}
