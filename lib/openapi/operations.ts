// The documented operations: for each path of the contract, its parameters, body and examples, its
// success schema, and the catalogue codes it can fail with. lib/openapi/document.ts renders them.
import { z } from 'zod';
import {
  BulkRegistrationResponseSchema,
  CustomerSearchResponseSchema,
  CustomerViewSchema,
  CustomerWriteSuccessSchema,
  ErrorResponseSchema,
  HistoryResponseSchema,
  ExtendedFieldsResponseSchema,
  HealthResponseSchema,
  LookupResponseSchema,
  RegistrationFailureSchema,
  RegistrationSuccessSchema,
  TokenRequestSchema,
  TokenResponseSchema,
  V3ErrorResponseSchema,
} from '@/lib/api/schemas';
import { CustomerUpdateRequestSchema, IdentifierChangeRequestSchema } from '@/lib/customers/care-schema';
import { BULK_MAX } from '@/lib/customers/bulk';
import { HISTORY_PAGE } from '@/lib/customers/history-read';
import { SEARCH_LIMIT } from '@/lib/customers/search';
import { RegistrationRequestSchema } from '@/lib/customers/request-schema';
import {
  DeliveryListResponseSchema,
  DeliveryResponseSchema,
  EventMetaDataResponseSchema,
  WebhookCreatedResponseSchema,
  WebhookDeletedResponseSchema,
  WebhookListResponseSchema,
  WebhookRequestSchema,
  WebhookResponseSchema,
} from '@/lib/webhooks/schemas';
import { ERROR_CATALOGUE, WARNING_CATALOGUE, type ErrorCode, type WarningCode } from '@/lib/errors';
import { REGISTRATION_REQUEST_EXAMPLES, REGISTRATION_RESPONSE_EXAMPLES } from './examples';
import { REQUEST_ONLY_CODES } from '@/lib/requests/codes';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
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
    status: number;
    schema: Schema;
    description: string;
    examples?: Record<string, { summary: string; value: unknown }>;
    /** Warnings the success may carry (all of the catalogue for a registration). */
    warningCodes?: readonly WarningCode[];
    /** Response headers of the success besides X-Request-Id and the rate limit's. */
    headers?: Record<string, Schema>;
    /** Default application/json. */
    contentType?: string;
  };
  failure: Schema;
  errorCodes: readonly ErrorCode[];
  /** Takes an Idempotency-Key: a replayed answer says so in Idempotent-Replayed. */
  idempotent?: boolean;
  /**
   * Whether the caller may depends on the body or the record, so a 403 may come after the request is
   * counted (with RateLimit-* headers): a decision on a request, which its maker may take for a cancel.
   */
  refusedAfterCount?: boolean;
  /** Responses outside the catalogue (health's 503). */
  extra?: Record<number, { schema: Schema; description: string }>;
  requestParams?: { path?: z.ZodObject; query?: z.ZodObject; header?: z.ZodObject };
  requestBody?: {
    schema: Schema;
    examples?: Record<string, { summary: string; value: unknown }>;
    /** Default application/json. */
    contentType?: string;
  };
}

const ALL_ERROR_CODES = Object.keys(ERROR_CATALOGUE).map(Number) as ErrorCode[];
/** Codes any authenticated route can answer, besides its own. */
// 400: a query parameter no column can hold (docs/api.md, "Hostile input"); 503: the database went away.
const COMMON: ErrorCode[] = [400, 401, 405, 517, 500, 503];

const RequestIdHeader = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/)
  .optional()
  .meta({
    description: 'Your own request id (at most 128 of A-Za-z0-9-_); echoed in the response, else a new one is made',
  });
const UserContextHeaders = {
  'USER-CONTEXT-ENTITY-TYPE': z
    .string()
    .optional()
    .meta({ description: 'Audit: type of the user acting (stored with the registration)' }),
  'USER-CONTEXT-ENTITY-ID': z.string().optional().meta({ description: 'Audit: id of the user acting' }),
  'USER-CONTEXT-ENTITY-SOURCE': z.string().optional().meta({ description: 'Audit: source of the user acting' }),
  'USER-CONTEXT-ENTITY-SOURCE-ID': z.string().optional().meta({ description: 'Audit: source id of the user acting' }),
};
const SourceParam = z
  .string()
  .optional()
  .meta({ description: 'ALL, or one of the 12 sources (case-insensitive); unknown: 3217' });

/** Response headers. */
export const Headers = {
  requestId: z.string().meta({ description: 'The request id: yours if you sent a sane X-Request-Id, else a new one' }),
  limit: z
    .number()
    .int()
    .optional()
    .meta({ description: "The org's requests per minute (absent when it has no limit)" }),
  remaining: z.number().int().optional().meta({ description: 'Requests left in the current window' }),
  reset: z.number().int().optional().meta({ description: 'Seconds until the window frees a request' }),
  replayed: z.literal('true').optional().meta({
    description: 'Sent (as "true") when this is the stored answer of an earlier request with the same Idempotency-Key',
  }),
};
const ETagHeader = {
  ETag: z.string().meta({ description: 'The customer\'s version as a strong tag ("7"): send it back in If-Match' }),
};
const CustomerIdPath = z.object({
  id: z.string().meta({ description: 'The customer id (createdId)', example: '100000001' }),
});
const IfMatchHeader = z.string().optional().meta({
  description:
    'The version the change was made against, as GET answered it in ETag ("7"). If the customer has changed since: 412, nothing written. Without it the write applies.',
});
const AccountQuery = z.object({
  source: z.string().optional().meta({ description: 'The source account to change: default INSTORE; unknown: 3217' }),
  accountId: z.string().optional().meta({ description: 'Its account, for a multi-account source' }),
});
/** Codes a write after registration can answer besides its own. */
const CARE_WRITE: ErrorCode[] = [400, 403, 412, 413, 415, 521, 3217, 8015, 8069, 8109, 8128];

export const rateLimitHeaders = {
  'RateLimit-Limit': Headers.limit,
  'RateLimit-Remaining': Headers.remaining,
  'RateLimit-Reset': Headers.reset,
};

const WebhookIdPath = z.object({ id: z.string().meta({ description: 'The webhook id (webHookId)', example: '1' }) });
const WEBHOOK_ACCESS = ' Needs webhooks:manage (today a signed-in staff admin; API clients answer 8140).';
const WEBHOOK_REQUEST_EXAMPLE = {
  name: 'Data warehouse',
  eventNames: ['customerAdded', 'customerUpdated'],
  webHookUrl: 'https://hooks.example.com/member-care',
  webHookHeaders: { 'X-Shop': 'north' },
  active: true,
};

/** The webhook routes (§18): /v3 envelopes, the caller's org only. */
function webhookOperation(
  op: Pick<OperationSpec, 'path' | 'method' | 'summary' | 'description' | 'requestBody'> & {
    schema: Schema;
    errorCodes: ErrorCode[];
    path?: string;
    params?: OperationSpec['requestParams'];
  },
): OperationSpec {
  return {
    path: op.path,
    method: op.method,
    tag: 'Webhooks',
    authenticated: true,
    summary: op.summary,
    description: op.description + WEBHOOK_ACCESS,
    requestParams: { ...op.params, header: z.object({ 'X-Request-Id': RequestIdHeader }) },
    ...(op.requestBody && { requestBody: op.requestBody }),
    success: { status: 200, schema: op.schema, description: 'Done' },
    failure: V3ErrorResponseSchema,
    errorCodes: [8140, ...op.errorCodes, ...COMMON],
  };
}

const WEBHOOK_OPERATIONS: OperationSpec[] = [
  webhookOperation({
    path: '/v3/webHooks',
    method: 'get',
    summary: 'List webhooks',
    description: "The org's webhooks.",
    schema: WebhookListResponseSchema,
    errorCodes: [],
  }),
  webhookOperation({
    path: '/v3/webHooks',
    method: 'post',
    summary: 'Create a webhook',
    description:
      'A webhook receiving the events named, signed with a new secret, which this answer shows once (data.secret).',
    requestBody: {
      schema: WebhookRequestSchema,
      examples: { warehouse: { summary: 'A webhook', value: WEBHOOK_REQUEST_EXAMPLE } },
    },
    schema: WebhookCreatedResponseSchema,
    errorCodes: [413, 415],
  }),
  webhookOperation({
    path: '/v3/webHooks/eventMetaData',
    method: 'get',
    summary: 'Events and their schemas',
    description: 'Every event a webhook can subscribe to, what it means, and the JSON Schema of its body.',
    schema: EventMetaDataResponseSchema,
    errorCodes: [],
  }),
  webhookOperation({
    path: '/v3/webHooks/{id}',
    method: 'get',
    summary: 'A webhook',
    description: 'One webhook (never its secret).',
    params: { path: WebhookIdPath },
    schema: WebhookResponseSchema,
    errorCodes: [8141],
  }),
  webhookOperation({
    path: '/v3/webHooks/{id}',
    method: 'put',
    summary: 'Replace a webhook',
    description: 'Replaces the name, URL, headers, active flag and the whole event list; the secret stays.',
    params: { path: WebhookIdPath },
    requestBody: {
      schema: WebhookRequestSchema,
      examples: { warehouse: { summary: 'A webhook', value: WEBHOOK_REQUEST_EXAMPLE } },
    },
    schema: WebhookResponseSchema,
    errorCodes: [8141, 413, 415],
  }),
  webhookOperation({
    path: '/v3/webHooks/{id}',
    method: 'delete',
    summary: 'Delete a webhook',
    description: 'The webhook and its delivery log; deliveries not yet made are dropped.',
    params: { path: WebhookIdPath },
    schema: WebhookDeletedResponseSchema,
    errorCodes: [8141],
  }),
  webhookOperation({
    path: '/v3/webHooks/{id}/deliveries',
    method: 'get',
    summary: 'Delivery log',
    description:
      "The webhook's deliveries, newest first: event, attempts, the receiver's last status or error, the next attempt, when delivered.",
    params: {
      path: WebhookIdPath,
      query: z.object({
        status: z.enum(['pending', 'delivered', 'failed']).optional(),
        limit: z.int().min(1).max(200).default(50).meta({ description: 'At most this many, 1 to 200' }),
      }),
    },
    schema: DeliveryListResponseSchema,
    errorCodes: [8141],
  }),
  webhookOperation({
    path: '/v3/webHooks/{id}/deliveries/{deliveryId}/redeliver',
    method: 'post',
    summary: 'Send again',
    description: 'The delivery is due at once, with three more days of retries; the event keeps its eventId.',
    params: {
      path: WebhookIdPath.extend({ deliveryId: z.string().meta({ description: 'The delivery id', example: '1' }) }),
    },
    schema: DeliveryResponseSchema,
    errorCodes: [8141, 8142],
  }),
];

/** A builder of authenticated operations of one tag, answering 200 on success and the error envelope on failure. */
export const authenticatedOperations =
  (tag: string) =>
  (
    o: Omit<OperationSpec, 'tag' | 'authenticated' | 'failure' | 'success'> & {
      success: { schema: z.ZodType; description: string };
    },
  ): OperationSpec => ({
    ...o,
    tag,
    authenticated: true,
    failure: ErrorResponseSchema,
    success: { status: 200, ...o.success },
  });

export const OPERATIONS: OperationSpec[] = [
  {
    path: '/v2/customers',
    method: 'post',
    tag: 'Customers',
    authenticated: true,
    idempotent: true,
    summary: 'Add customer',
    description:
      'Registers a customer, or adds a source account to an existing one (identity rules: see the introduction). ' +
      'Needs write access to customers. All profiles succeed or fail together; a failure writes nothing.',
    requestParams: {
      header: z.object({
        'Idempotency-Key': z.string().max(255).optional().meta({
          description: 'Replays the stored response of an earlier request with the same key and body (24 hours)',
        }),
        'X-Request-Id': RequestIdHeader,
        ...UserContextHeaders,
      }),
    },
    requestBody: { schema: RegistrationRequestSchema, examples: REGISTRATION_REQUEST_EXAMPLES },
    success: {
      status: 200,
      schema: RegistrationSuccessSchema,
      examples: REGISTRATION_RESPONSE_EXAMPLES,
      description: 'Registered (or a source account added to an existing customer).',
      warningCodes: Object.keys(WARNING_CATALOGUE).map(Number) as WarningCode[],
    },
    failure: RegistrationFailureSchema,
    // The requests' codes are theirs alone (request-operations.ts).
    errorCodes: ALL_ERROR_CODES.filter((c) => c !== 404 && c !== 8015 && !REQUEST_ONLY_CODES.includes(c)),
  },
  {
    path: '/v2/customers/bulk',
    method: 'post',
    tag: 'Customers',
    authenticated: true,
    summary: 'Add customers in bulk',
    description:
      `A JSON array of 1 to ${BULK_MAX} bodies of POST /v2/customers. Each body is registered by the same code as ` +
      "POST /v2/customers, on its own: one body's failure writes nothing of it and does not affect the others. " +
      'Two bodies that would create the same customer resolve as two sequential registrations would (the second ' +
      '8006, or 8050 in another source). Each result carries what POST /v2/customers would answer for its body: ' +
      'createdId and warnings, or errors. Needs write access to customers. The request counts once against the ' +
      'rate limit.',
    requestParams: { header: z.object({ 'X-Request-Id': RequestIdHeader, ...UserContextHeaders }) },
    requestBody: {
      schema: z.array(RegistrationRequestSchema).meta({ description: `1 to ${BULK_MAX} registration bodies` }),
      examples: {
        two: {
          summary: 'Two customers',
          value: [
            {
              profiles: [
                { source: 'INSTORE', firstName: 'Ann', identifiers: [{ type: 'mobile', value: '919800000101' }] },
              ],
            },
            {
              profiles: [
                { source: 'INSTORE', firstName: 'Ben', identifiers: [{ type: 'mobile', value: '919800000102' }] },
              ],
            },
          ],
        },
      },
    },
    success: {
      status: 200,
      schema: BulkRegistrationResponseSchema,
      description: 'One result per body, in the order of the request.',
      warningCodes: Object.keys(WARNING_CATALOGUE).map(Number) as WarningCode[],
    },
    failure: ErrorResponseSchema,
    errorCodes: [403, 413, 415, 9601, ...COMMON],
  },
  {
    path: '/v2/customers/{id}',
    method: 'get',
    tag: 'Customers',
    authenticated: true,
    summary: 'Get customer',
    description:
      'The customer with every source account (profile). An unknown id and an id of another org answer the same 404.',
    requestParams: {
      path: z.object({ id: z.string().meta({ description: 'The customer id (createdId)', example: '100000001' }) }),
      query: z.object({
        source: SourceParam,
        accountId: z.string().optional().meta({ description: 'Narrows to one account of a multi-account source' }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: {
      status: 200,
      schema: CustomerViewSchema,
      description:
        'The customer. A customer merged into another answers the survivor (warning 91009); one whose personal data ' +
        'was erased answers status DELETED with its id and loyalty only (warning 8109).',
      headers: ETagHeader,
      warningCodes: [91009, 8109],
    },
    failure: ErrorResponseSchema,
    errorCodes: [3217, 8015, ...COMMON],
  },
  {
    path: '/v2/customers/{id}',
    method: 'put',
    tag: 'Customers',
    authenticated: true,
    summary: 'Update customer',
    description:
      'Changes names, channels and custom fields of one source account, and extended fields, status label (with a ' +
      'reason) and loyalty type of the customer, with the rules of registration. Every part is optional; ' +
      'identifiers are changed with changeIdentifier. Needs write access to customers. All of it applies, with its ' +
      'history entries, or nothing. A body that changes nothing succeeds and keeps the version.',
    requestParams: {
      path: CustomerIdPath,
      query: AccountQuery,
      header: z.object({ 'If-Match': IfMatchHeader, 'X-Request-Id': RequestIdHeader, ...UserContextHeaders }),
    },
    requestBody: {
      schema: CustomerUpdateRequestSchema,
      examples: {
        lastName: { summary: 'Fix a last name', value: { profiles: [{ lastName: 'Sharma' }] } },
        status: {
          summary: 'Suspend, with a reason',
          value: { statusLabel: 'On hold', statusReason: 'Card reported stolen' },
        },
      },
    },
    success: {
      status: 200,
      schema: CustomerWriteSuccessSchema,
      description: 'Updated (or nothing to change). Header ETag carries the version.',
      headers: ETagHeader,
      warningCodes: [8057, 8058, 8116, 8117, 8119, 8126],
    },
    failure: ErrorResponseSchema,
    errorCodes: [...CARE_WRITE, 8086, 8111, 8112, 8129, 8151, 91015, 91016, ...COMMON],
  },
  {
    path: '/v2/customers/{id}/changeIdentifier',
    method: 'post',
    tag: 'Customers',
    authenticated: true,
    summary: 'Change identifiers',
    description:
      'Adds and removes identifiers of one source account (add and remove of one type: a replacement), all in one ' +
      'transaction or nothing. Values are validated as at registration. A unique identifier another customer holds ' +
      'is 8131, never a merge; a removed one is free at once. Needs write access to customers.',
    requestParams: {
      path: CustomerIdPath,
      query: AccountQuery,
      header: z.object({ 'If-Match': IfMatchHeader, 'X-Request-Id': RequestIdHeader, ...UserContextHeaders }),
    },
    requestBody: {
      schema: IdentifierChangeRequestSchema,
      examples: {
        replace: {
          summary: 'A new mobile',
          value: {
            add: [{ type: 'mobile', value: '919800000002' }],
            remove: [{ type: 'mobile', value: '919800000001' }],
          },
        },
        card: {
          summary: 'A replacement card',
          value: { add: [{ type: 'cardnumber', value: 'MYS-0002', seriesId: 73, statusLabel: 'ACTIVE' }] },
        },
      },
    },
    success: {
      status: 200,
      schema: CustomerWriteSuccessSchema,
      description: 'Changed (or nothing to change). Header ETag carries the version.',
      headers: ETagHeader,
      warningCodes: [8132],
    },
    failure: ErrorResponseSchema,
    errorCodes: [...CARE_WRITE, 1006, 1039, 1043, 8114, 8121, 8130, 8131, 8133, 8134, ...COMMON],
  },
  {
    path: '/v2/customers/{id}/history',
    method: 'get',
    tag: 'Customers',
    authenticated: true,
    summary: 'Customer history',
    description:
      'What happened to the customer, newest first: registration, source accounts added, updates, status ' +
      'changes, identifiers added and removed; each with who, from which request, why, and every changed ' +
      'value before and after (null when absent or cleared).',
    requestParams: {
      path: CustomerIdPath,
      query: z.object({
        limit: z
          .int()
          .min(1)
          .max(HISTORY_PAGE.max)
          .default(HISTORY_PAGE.default)
          .meta({ description: `Entries per page, 1 to ${HISTORY_PAGE.max}`, example: 50 }),
        before: z
          .int()
          .positive()
          .optional()
          .meta({ description: 'The id of the last entry seen: the next page starts below it' }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: { status: 200, schema: HistoryResponseSchema, description: 'A page of entries, newest first' },
    failure: ErrorResponseSchema,
    errorCodes: [400, 8015, ...COMMON],
  },
  {
    path: '/v2/customers/search',
    method: 'get',
    tag: 'Customers',
    authenticated: true,
    summary: 'Search customers',
    description:
      "For the counter's search box. Matches an identifier exactly or by prefix (from 4 characters; a mobile with " +
      "or without +, spaces, dashes or a leading 0, and without + also with the org's default country code) and " +
      'names by word prefix, case- and accent-insensitive ("pri sha" finds Priya Sharma, "Jose" finds José); ' +
      'when nothing matches, names one typo away ("Sawyr" finds Sawyer). Exact identifier matches first, then ' +
      'identifier prefixes, then names.',
    requestParams: {
      query: z.object({
        q: z.string().min(2).max(255).meta({ description: 'What was typed (2 to 255 characters)', example: 'pri sha' }),
        limit: z
          .int()
          .min(1)
          .max(SEARCH_LIMIT.max)
          .default(SEARCH_LIMIT.default)
          .meta({ description: `At most this many customers, 1 to ${SEARCH_LIMIT.max}` }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: { status: 200, schema: CustomerSearchResponseSchema, description: 'The customers found, best first' },
    failure: ErrorResponseSchema,
    errorCodes: [400, ...COMMON],
  },
  {
    path: '/v2/customers/lookup',
    method: 'get',
    tag: 'Customers',
    authenticated: true,
    summary: 'Look up a customer by identifier',
    description:
      'The id of the customer holding an identifier. The value is normalised as registration stores it ' +
      '(mobile: digits, a leading + dropped; email: lowercase; others trimmed).',
    requestParams: {
      query: z.object({
        identifierName: z.string().meta({ description: 'mobile, email, externalId, cardnumber, …', example: 'mobile' }),
        identifierValue: z.string().meta({ example: '8795779625' }),
        source: SourceParam.meta({
          description: 'Default INSTORE; ALL searches every source; unknown: 3217',
          example: 'INSTORE',
        }),
        accountId: z.string().optional().meta({ description: 'Narrows to one account of a multi-account source' }),
      }),
      header: z.object({ 'X-Request-Id': RequestIdHeader }),
    },
    success: { status: 200, schema: LookupResponseSchema, description: 'Found' },
    failure: ErrorResponseSchema,
    errorCodes: [3217, 8121, 8015, ...COMMON],
  },
  {
    path: '/v2/extendedFields',
    method: 'get',
    tag: 'Configuration',
    authenticated: true,
    summary: 'Extended fields of the org',
    description: "The extended fields enabled for the caller's org: those of its verticals and the global ones.",
    requestParams: { header: z.object({ 'X-Request-Id': RequestIdHeader }) },
    success: { status: 200, schema: ExtendedFieldsResponseSchema, description: 'The fields, by scope' },
    failure: ErrorResponseSchema,
    errorCodes: COMMON,
  },
  {
    path: '/v3/oauth/token/generate',
    method: 'post',
    tag: 'Authentication',
    authenticated: false,
    summary: 'Generate an OAuth token',
    description:
      "Exchanges an OAuth client's key and secret for a token that lives 300 seconds. Send it as header X-CAP-API-OAUTH-TOKEN.",
    requestBody: {
      schema: TokenRequestSchema,
      examples: { demo: { summary: "The demo org's OAuth client", value: { key: 'demo-key', secret: 'demo-secret' } } },
    },
    success: { status: 200, schema: TokenResponseSchema, description: 'A token' },
    failure: V3ErrorResponseSchema,
    // 517: too many failed credentials from one address (docs/api.md, "Guessing credentials").
    errorCodes: [400, 401, 405, 413, 415, 517, 500, 503],
  },
  {
    path: '/v2/openapi.json',
    method: 'get',
    tag: 'Meta',
    authenticated: false,
    summary: 'This document',
    description: 'The OpenAPI 3.1 document, generated from the schemas the API validates with.',
    success: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'The OpenAPI document' },
    failure: ErrorResponseSchema,
    errorCodes: [405],
  },
  {
    path: '/api/health',
    method: 'get',
    tag: 'Meta',
    authenticated: false,
    summary: 'Health',
    description: 'Answers 200 when the app and its database answer.',
    success: { status: 200, schema: HealthResponseSchema, description: 'Up' },
    failure: ErrorResponseSchema,
    errorCodes: [405],
    extra: { 503: { schema: HealthResponseSchema, description: 'The database does not answer' } },
  },
  ...WEBHOOK_OPERATIONS,
];
