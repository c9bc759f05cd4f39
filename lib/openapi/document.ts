// The OpenAPI 3.1 document, generated from the same zod schemas the routes use (lib/api/schemas.ts,
// lib/customers/request-schema.ts) and from the error catalogue, so it cannot drift from the code.
import { z } from 'zod';
import { createDocument, type ZodOpenApiObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  ErrorItemSchema, ErrorResponseSchema, ExtendedFieldsResponseSchema, HealthResponseSchema, CustomerViewSchema,
  LookupResponseSchema, RegistrationFailureSchema, RegistrationSuccessSchema, TokenRequestSchema, TokenResponseSchema,
  V3ErrorResponseSchema, WarningSchema,
} from '@/lib/api/schemas';
import { RegistrationRequestSchema } from '@/lib/customers/request-schema';
import { ERROR_CATALOGUE, WARNING_CATALOGUE, type ErrorCode, type WarningCode } from '@/lib/errors';
import { errorCodeRows, warningCodeRows } from './code-tables';
import { DUPLICATE_EXAMPLE, REGISTRATION_REQUEST_EXAMPLES, REGISTRATION_RESPONSE_EXAMPLES } from './examples';
import { API_DESCRIPTION } from './description';

type Method = 'get' | 'post';
type Schema = z.ZodType;

/** One documented operation: what it answers on success, and which catalogue codes on failure. */
export interface OperationSpec {
  path: string;
  method: Method;
  summary: string;
  description: string;
  tag: string;
  authenticated: boolean;
  success: {
    status: number; schema: Schema; description: string; examples?: Record<string, { summary: string; value: unknown }>;
    /** Warnings the success may carry (all of the catalogue for a registration). */
    warningCodes?: readonly WarningCode[];
  };
  failure: Schema;
  errorCodes: readonly ErrorCode[];
  /** Responses outside the catalogue (health's 503). */
  extra?: Record<number, { schema: Schema; description: string }>;
  requestParams?: { path?: z.ZodObject; query?: z.ZodObject; header?: z.ZodObject };
  requestBody?: { schema: Schema; examples?: Record<string, { summary: string; value: unknown }> };
}

const ALL_ERROR_CODES = Object.keys(ERROR_CATALOGUE).map(Number) as ErrorCode[];
/** Codes any authenticated route can answer, besides its own. */
const COMMON: ErrorCode[] = [401, 405, 517, 500];

const RequestIdHeader = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/).optional()
  .meta({ description: 'Your own request id (at most 128 of A-Za-z0-9-_); echoed in the response, else a new one is made' });
const UserContextHeaders = {
  'USER-CONTEXT-ENTITY-TYPE': z.string().optional().meta({ description: 'Audit: type of the user acting (stored with the registration)' }),
  'USER-CONTEXT-ENTITY-ID': z.string().optional().meta({ description: 'Audit: id of the user acting' }),
  'USER-CONTEXT-ENTITY-SOURCE': z.string().optional().meta({ description: 'Audit: source of the user acting' }),
  'USER-CONTEXT-ENTITY-SOURCE-ID': z.string().optional().meta({ description: 'Audit: source id of the user acting' }),
};
const SourceParam = z.string().optional().meta({ description: 'ALL, or one of the 12 sources (case-insensitive); unknown: 3217' });

const Headers = {
  requestId: z.string().meta({ description: 'The request id: yours if you sent a sane X-Request-Id, else a new one' }),
  limit: z.number().int().optional().meta({ description: "The org's requests per minute (absent when it has no limit)" }),
  remaining: z.number().int().optional().meta({ description: 'Requests left in the current window' }),
  reset: z.number().int().optional().meta({ description: 'Seconds until the window frees a request' }),
};
const rateLimitHeaders = { 'RateLimit-Limit': Headers.limit, 'RateLimit-Remaining': Headers.remaining, 'RateLimit-Reset': Headers.reset };

export const OPERATIONS: OperationSpec[] = [
  {
    path: '/v2/customers', method: 'post', tag: 'Customers', authenticated: true,
    summary: 'Add customer',
    description: 'Registers a customer, or adds a source account to an existing one (identity rules: see the introduction). '
      + 'Needs write access to customers. All profiles succeed or fail together; a failure writes nothing.',
    requestParams: {
      header: z.object({
        'Idempotency-Key': z.string().max(255).optional()
          .meta({ description: 'Replays the stored response of an earlier request with the same key and body (24 hours)' }),
        'X-Request-Id': RequestIdHeader,
        ...UserContextHeaders,
      }),
    },
    requestBody: { schema: RegistrationRequestSchema, examples: REGISTRATION_REQUEST_EXAMPLES },
    success: {
      status: 200, schema: RegistrationSuccessSchema, examples: REGISTRATION_RESPONSE_EXAMPLES,
      description: 'Registered (or a source account added to an existing customer).',
      warningCodes: Object.keys(WARNING_CATALOGUE).map(Number) as WarningCode[],
    },
    failure: RegistrationFailureSchema,
    errorCodes: ALL_ERROR_CODES.filter((c) => c !== 404 && c !== 8015),
  },
  {
    path: '/v2/customers/{id}', method: 'get', tag: 'Customers', authenticated: true,
    summary: 'Get customer',
    description: 'The customer with every source account (profile). An unknown id and an id of another org answer the same 404.',
    requestParams: {
      path: z.object({ id: z.string().meta({ description: 'The customer id (createdId)', example: '100000001' }) }),
      query: z.object({
        source: SourceParam,
        accountId: z.string().optional().meta({ description: 'Narrows to one account of a multi-account source' }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: { status: 200, schema: CustomerViewSchema, description: 'The customer' },
    failure: ErrorResponseSchema,
    errorCodes: [3217, 8015, ...COMMON],
  },
  {
    path: '/v2/customers/lookup', method: 'get', tag: 'Customers', authenticated: true,
    summary: 'Look up a customer by identifier',
    description: 'The id of the customer holding an identifier. The value is normalised as registration stores it '
      + '(mobile: digits, a leading + dropped; email: lowercase; others trimmed).',
    requestParams: {
      query: z.object({
        identifierName: z.string().meta({ description: 'mobile, email, externalId, cardnumber, …', example: 'mobile' }),
        identifierValue: z.string().meta({ example: '8795779625' }),
        source: SourceParam.meta({ description: 'Default INSTORE; ALL searches every source; unknown: 3217', example: 'INSTORE' }),
        accountId: z.string().optional().meta({ description: 'Narrows to one account of a multi-account source' }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: { status: 200, schema: LookupResponseSchema, description: 'Found' },
    failure: ErrorResponseSchema,
    errorCodes: [400, 3217, 8121, 8015, ...COMMON],
  },
  {
    path: '/v2/extendedFields', method: 'get', tag: 'Configuration', authenticated: true,
    summary: 'Extended fields of the org',
    description: "The extended fields enabled for the caller's org: those of its verticals and the global ones.",
    requestParams: { header: z.object({ 'X-Request-Id': RequestIdHeader }) },
    success: { status: 200, schema: ExtendedFieldsResponseSchema, description: 'The fields, by scope' },
    failure: ErrorResponseSchema,
    errorCodes: COMMON,
  },
  {
    path: '/v3/oauth/token/generate', method: 'post', tag: 'Authentication', authenticated: false,
    summary: 'Generate an OAuth token',
    description: 'Exchanges an OAuth client\'s key and secret for a token that lives 300 seconds. Send it as header X-CAP-API-OAUTH-TOKEN.',
    requestBody: {
      schema: TokenRequestSchema,
      examples: { demo: { summary: 'The demo org\'s OAuth client', value: { key: 'demo-key', secret: 'demo-secret' } } },
    },
    success: { status: 200, schema: TokenResponseSchema, description: 'A token' },
    failure: V3ErrorResponseSchema,
    errorCodes: [400, 401, 405, 413, 415, 500],
  },
  {
    path: '/v2/openapi.json', method: 'get', tag: 'Meta', authenticated: false,
    summary: 'This document',
    description: 'The OpenAPI 3.1 document, generated from the schemas the API validates with.',
    success: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'The OpenAPI document' },
    failure: ErrorResponseSchema,
    errorCodes: [405],
  },
  {
    path: '/api/health', method: 'get', tag: 'Meta', authenticated: false,
    summary: 'Health',
    description: 'Answers 200 when the app and its database answer.',
    success: { status: 200, schema: HealthResponseSchema, description: 'Up' },
    failure: ErrorResponseSchema,
    errorCodes: [],
    extra: { 503: { schema: HealthResponseSchema, description: 'The database does not answer' } },
  },
];

/** An HTTP status as a key of the responses object (its type allows only status-like strings). */
const statusKey = (status: number) => String(status) as `${1 | 2 | 3 | 4 | 5}${string}`;

function responsesOf(op: OperationSpec): ZodOpenApiResponsesObject {
  const limits = op.authenticated ? rateLimitHeaders : {};
  const responses: ZodOpenApiResponsesObject = {
    [statusKey(op.success.status)]: {
      description: [
        op.success.description,
        ...(op.success.warningCodes?.length ? ['`warnings` may carry:'] : []),
        ...(op.success.warningCodes ?? []).map((c) => `**${c}** ${WARNING_CATALOGUE[c].message}: ${WARNING_CATALOGUE[c].when}`),
      ].join('\n\n'),
      ...(op.success.warningCodes && { 'x-warning-codes': op.success.warningCodes }),
      headers: z.object({ 'X-Request-Id': Headers.requestId, ...limits }),
      content: { 'application/json': { schema: op.success.schema, ...(op.success.examples && { examples: op.success.examples }) } },
    },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errorCodes) byStatus.set(ERROR_CATALOGUE[code].http, [...(byStatus.get(ERROR_CATALOGUE[code].http) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const extraHeaders = status === 429
      ? { 'Retry-After': z.number().int().meta({ description: 'Seconds to wait before retrying' }) }
      : {};
    responses[statusKey(status)] = {
      description: codes.map((c) => `**${c}** ${ERROR_CATALOGUE[c].message}: ${ERROR_CATALOGUE[c].when}`).join('\n\n'),
      headers: z.object({ 'X-Request-Id': Headers.requestId, ...(status === 401 ? {} : limits), ...extraHeaders }),
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
    responses[statusKey(Number(status))] = { description: extra.description, content: { 'application/json': { schema: extra.schema } } };
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
            content: { 'application/json': { schema: op.requestBody.schema, ...(op.requestBody.examples && { examples: op.requestBody.examples }) } },
          },
        }),
        responses: responsesOf(op),
      },
    };
  }
  return paths;
}

export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Member Care API',
      version: '2.0.0',
      description: API_DESCRIPTION,
    },
    tags: [
      { name: 'Customers' }, { name: 'Configuration' }, { name: 'Authentication' }, { name: 'Meta' },
    ],
    paths: pathsOf(OPERATIONS),
    components: {
      schemas: { Warning: WarningSchema, Error: ErrorItemSchema },
      // An unknown path is no operation's answer; it is documented once, here.
      responses: {
        UnknownRoute: {
          description: `**404** ${ERROR_CATALOGUE[404].message}: ${ERROR_CATALOGUE[404].when} under /v2 or /v3 (with \`createdId: null\` or \`data: null\` as for the version)`,
          headers: z.object({ 'X-Request-Id': Headers.requestId }),
          content: { 'application/json': { schema: ErrorResponseSchema } },
          'x-error-codes': [404],
        },
      },
      securitySchemes: {
        basicAuth: {
          type: 'http', scheme: 'basic',
          description: 'Till code as user name and the lowercase hex MD5 of the till password as password: '
            + 'Authorization: Basic base64(tillCode + ":" + md5hex(password)).',
        },
        oauthToken: {
          type: 'apiKey', in: 'header', name: 'X-CAP-API-OAUTH-TOKEN',
          description: 'A token from POST /v3/oauth/token/generate (300 seconds). When sent, it decides, whatever Authorization says.',
        },
      },
    },
    'x-error-codes': errorCodeRows(),
    'x-warning-codes': warningCodeRows(),
  }, {
    // zod writes the safe-integer bounds on every integer; they say nothing to a reader.
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  });
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
