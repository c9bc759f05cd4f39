// The one catalogue of API codes: every error and warning the API can answer, its message template
// and (for errors) its HTTP status. Routes, the engine, the UI and the OpenAPI document all read it.

interface Entry {
  readonly http: number;
  readonly message: string;
  readonly when: string;
}

export const ERROR_CATALOGUE = {
  400: {
    http: 400,
    message: '{path}: {problem}',
    when: 'Malformed JSON, a body that is not an object, a value no column can hold (NUL, lone surrogate, too deep, out of range), or a schema violation (one entry per problem)',
  },
  401: {
    http: 401,
    message: 'Invalid or missing credentials',
    when: 'No or wrong Basic credentials, or a missing, expired or forged OAuth token',
  },
  403: {
    http: 403,
    message: 'The caller may not do this',
    when: 'The caller lacks the access the route needs (access values, staff roles: docs/api.md, "Access")',
  },
  404: { http: 404, message: 'Not found', when: 'Unknown route' },
  405: { http: 405, message: 'Method not allowed', when: 'The route exists but not with this method' },
  409: {
    http: 409,
    message: 'A request with this Idempotency-Key is still being processed',
    when: 'The first request with this key did not finish within a few seconds',
  },
  412: {
    http: 412,
    message: 'Customer changed since it was read',
    when: 'If-Match names a version of the customer that is no longer the current one; nothing written',
  },
  413: { http: 413, message: 'Request body is larger than 1 MiB', when: 'Body over 1 MiB' },
  415: { http: 415, message: 'Content-Type must be application/json', when: 'A body sent with another content type' },
  422: {
    http: 422,
    message: 'Idempotency-Key reused with a different body',
    when: 'Same Idempotency-Key, different body, within 24 hours',
  },
  500: {
    http: 500,
    message: 'Internal error (request {requestId})',
    when: 'An unexpected failure; details are in the server log under the request id',
  },
  517: {
    http: 429,
    message: 'Rate limit exceeded',
    when: "The org's requests per minute are used up, or one key's failed credentials from one address; see Retry-After",
  },
  503: {
    http: 503,
    message: 'The database is not available. Please try again shortly.',
    when: 'The database cannot be reached, or a statement ran past its time limit (see Retry-After)',
  },
  521: {
    http: 521,
    message: 'Multiple actions are running for the same customer. Please try after some time.',
    when: 'A lock on the identifiers could not be had in time',
  },
  1006: {
    http: 400,
    message: 'Mobile is mandatory',
    when: 'Registration Configuration makes mobile mandatory and none was given',
  },
  1039: {
    http: 400,
    message: 'Email is mandatory',
    when: 'Registration Configuration makes email mandatory and none was given',
  },
  1043: {
    http: 400,
    message: 'External ID is mandatory',
    when: 'Registration Configuration makes externalId mandatory and none was given',
  },
  3217: {
    http: 400,
    message: 'Source is invalid',
    when: 'Source not one of the 12 sources, or not enabled for the org',
  },
  8004: { http: 400, message: 'Add failed, No source passed', when: 'A profile without source' },
  8005: {
    http: 400,
    message: 'Add failed, No valid identifiers passed',
    when: 'No identifiers, or none left after dropping invalid secondary ones',
  },
  8006: {
    http: 409,
    message: 'Customer already exists with id {id} for same source',
    when: 'An identifier already exists in the same source account',
  },
  8010: { http: 400, message: 'Invalid communication channel passed', when: 'Unknown commChannel type' },
  8014: {
    http: 400,
    message: 'Error in customer registration: Invalid Primary Id - {value}',
    when: "The org's primary identifier is present and invalid",
  },
  8015: {
    http: 404,
    message: 'Customer not found for the given identifiers',
    when: 'Unknown customer, or one of another org',
  },
  8052: {
    http: 409,
    message: 'Add customer, Conflicting Customers found: {ids}',
    when: 'The identifiers match two or more different customers',
  },
  8086: { http: 400, message: 'Status label passed is not valid', when: 'statusLabel not defined for the org' },
  8111: {
    http: 400,
    message: 'Invalid custom field value: {name}',
    when: "A custom field value of the wrong type or outside the field's values",
  },
  8112: { http: 400, message: 'Custom field {name} is mandatory', when: 'A mandatory custom field is missing' },
  8113: {
    http: 400,
    message: 'Invalid loyalty program or tier: {programId}/{tierNumber}',
    when: 'An enrolment in a program or tier the org does not have',
  },
  8140: {
    http: 403,
    message: 'This caller may not manage webhooks',
    when: 'Webhooks need webhooks:manage (today: a signed-in staff admin)',
  },
  8150: {
    http: 403,
    message: 'Only an admin may set loyalty points, tiers and expiry dates',
    when: 'A staff member who is not an admin registering with an enrolment that sets points, a tier other than 1 or an expiry date (API clients with customers:write may; docs/api.md, "Access")',
  },
  8151: {
    http: 400,
    message: 'More than one primary {type} channel in one source account',
    when: 'A profile of a registration or an update whose commChannels mark two channels of one type primary (one primary per type per source account)',
  },
  8141: { http: 404, message: 'Webhook not found', when: "An id the caller's org has no webhook with" },
  8142: { http: 404, message: 'Delivery not found', when: 'An id the webhook has no delivery with' },
  8114: { http: 400, message: 'Invalid card series: {seriesId}', when: 'A card identifier naming an unknown series' },
  8115: { http: 400, message: 'Invalid date: {field}', when: 'An expiry or registration date that does not parse' },
  8121: {
    http: 400,
    message: 'Invalid identifier type: {type}',
    when: 'An identifier type that does not exist or the org does not allow',
  },
  8127: {
    http: 400,
    message: 'Invalid source or accountId passed',
    when: 'Multi-account source without accountId, an accountId the org has not configured, or the same source account twice',
  },
  8128: {
    http: 400,
    message: 'Customer has no source account {source}',
    when: 'An update or identifier change for a source account (?source=, ?accountId=) the customer lacks',
  },
  8129: {
    http: 400,
    message: 'A loyalty customer cannot become non-loyalty',
    when: 'An update asking loyaltyType non_loyalty for a loyalty customer',
  },
  8130: {
    http: 400,
    message: 'Invalid identifier {type}: {value}',
    when: 'An identifier to add or remove whose value is invalid for its type (any type, the primary one included)',
  },
  8131: {
    http: 409,
    message: 'Identifier {type} {value} belongs to customer {id}',
    when: 'Adding a unique identifier that another customer of the org holds (never a merge)',
  },
  8133: {
    http: 400,
    message: 'Identifier {type} {value} not found',
    when: 'Removing an identifier the source account does not have',
  },
  8134: {
    http: 400,
    message: 'A source account keeps at least one identifier',
    when: 'A change of identifiers that would leave the source account without any',
  },
  91015: {
    http: 400,
    message: 'Invalid extended field value: {name}',
    when: "Wrong data type, outside the field's enum, or a date that does not parse",
  },
  91016: { http: 400, message: 'Extended field {name} is mandatory', when: 'A mandatory extended field is missing' },
  8069: {
    http: 400,
    message: 'Customer is merged into {survivorId}',
    when: 'PUT or changeIdentifier on a customer merged into another: write to the survivor',
  },
  8109: {
    http: 400,
    message: 'Customer is deleted after PII delete request',
    when: 'A write to, or a merge of, a customer whose personal data is deleted or pending deletion',
  },
  9018: {
    http: 409,
    message: 'A merge request is already pending or processing for victim {id}',
    when: 'A merge request for a victim that already has an open one',
  },
  9023: {
    http: 400,
    message: 'Survivor {id} has been merged into another customer',
    when: 'A merge into a customer that is itself merged',
  },
  9026: {
    http: 409,
    message: 'A merge request is pending for survivor {id}',
    when: 'A merge into a customer that is the victim of an open merge request',
  },
  9027: { http: 400, message: 'Victim {id} is already merged', when: 'A merge of a customer already merged' },
  9029: { http: 400, message: 'Survivor and victim are the same', when: 'victimId equals survivorId' },
  9031: {
    http: 400,
    message: 'Merge blocked: both customers hold a different {type} in {source}',
    when: 'Both customers have the same source account with different values of a single-valued identifier type',
  },
  9042: {
    http: 404,
    message: 'Customer {id} not found',
    when: "A request naming a customer the caller's org does not have",
  },
  9050: { http: 404, message: 'Request not found', when: "An id the caller's org has no request with" },
  9071: {
    http: 403,
    message: 'The maker of a request cannot approve it',
    when: 'Approving a request one created, in an org without auto-approval for its base type',
  },
  9072: {
    http: 409,
    message: 'Request is {status}: it cannot become {next}',
    when: "A decision the request's status does not allow (see the transitions)",
  },
  9081: {
    http: 409,
    message: 'Cannot undo the merge: {what} changed since the merge',
    when: 'An unmerge after something that came from the victim was changed or removed',
  },
  9082: {
    http: 400,
    message: 'Cannot undo the merge: it is more than 30 days old',
    when: 'An unmerge of a merge completed more than 30 days ago, or of a request that is no completed merge',
  },
  9601: {
    http: 400,
    message: 'A bulk request holds 1 to {max} customers, not {count}',
    when: 'POST /v2/customers/bulk with an empty array or more than 100 bodies',
  },
  9602: {
    http: 415,
    message: 'Content-Type must be text/csv',
    when: 'POST /v2/imports with a body of another content type',
  },
  9603: {
    http: 413,
    message: 'CSV file is larger than {max}',
    when: 'POST /v2/imports with a file over 200 MiB',
  },
  9604: { http: 404, message: 'Import not found', when: "An id the caller's org has no import with" },
  9605: {
    http: 409,
    message: 'Import {id} has already finished',
    when: 'POST /v2/imports/{id}/cancel for an import that completed, failed or was cancelled',
  },
  9701: {
    http: 409,
    message: 'Email {email} is already taken',
    when: 'POST /v2/staff with an email a staff member of any org already has',
  },
  9702: {
    http: 409,
    message: 'The last active admin of the org cannot be deactivated or demoted',
    when: 'PATCH /v2/staff/{id} that would leave the org without an active admin',
  },
  9703: {
    http: 409,
    message: 'Key {key} is already taken',
    when: 'POST /v2/apiClients with a key (till code or OAuth key) that any org already uses',
  },
} as const satisfies Record<number, Entry>;

export const WARNING_CATALOGUE = {
  1302: {
    message: 'supplementary program expiry is before membership expiry',
    when: 'SUPPLEMENTARY enrolment whose tierExpiryDate is before its pointsExpiryDate',
  },
  8050: {
    message: 'Same Customer found in other sources, Combining',
    when: 'A source account was added to an existing customer',
  },
  8055: { message: 'Invalid email id', when: 'A secondary email identifier is invalid: dropped' },
  8056: { message: 'Invalid mobile number', when: 'A secondary mobile identifier is invalid: dropped' },
  8057: { message: 'Invalid email in communication channel', when: 'An email channel is invalid: dropped' },
  8058: { message: 'Invalid mobile in communication channel', when: 'A mobile channel is invalid: dropped' },
  8064: { message: 'External id validation failed', when: 'A secondary externalId over 255 characters: dropped' },
  8077: { message: 'Invalid associatedWith till: {code}', when: 'Unknown till code in associatedWith: ignored' },
  8107: {
    message: 'Default customer status label not set',
    when: 'A new customer without statusLabel in an org without a default label',
  },
  8116: { message: 'Unknown custom field {name} ignored', when: 'A custom field the org has not defined' },
  8117: {
    message: 'Extended field {name} is not enabled for this org; ignored',
    when: "An extended field outside the org's verticals",
  },
  8118: { message: 'Referral code {code} not found; ignored', when: 'A referral code no customer of the org has' },
  8119: { message: '{field} truncated to {n} characters', when: 'firstName or lastName over 100 characters' },
  8120: {
    message: 'Customer-level details ignored for an existing customer',
    when: 'A cross-source add carrying extendedFields, statusLabel, enrolments or referralCode',
  },
  8122: {
    message: 'Invalid identifier {type} dropped',
    when: 'A secondary identifier that is empty or over 255 characters',
  },
  8126: {
    message: 'Identifiers are changed with changeIdentifier',
    when: 'An update (PUT) carrying profiles[].identifiers: ignored',
  },
  8132: {
    message: 'Identifier {type} {value} is already on this account',
    when: 'changeIdentifier adding an identifier the source account already has: nothing added',
  },
  8124: {
    message: 'Loyalty enrolments ignored for a non-loyalty customer',
    when: 'loyaltyType non_loyalty with enrolments',
  },
  8109: {
    message: 'Customer is deleted after PII delete request',
    when: 'GET of a customer whose personal data was erased: the id and loyalty only',
  },
  91009: {
    message: 'Retrieved survivor account for the requested merge victim',
    when: 'GET of a customer merged into another: the survivor is answered',
  },
} as const satisfies Record<number, Omit<Entry, 'http'>>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type WarningCode = keyof typeof WARNING_CATALOGUE;
type Params = Record<string, string | number>;

export interface ApiMessage {
  status: false;
  code: number;
  message: string;
}
/** An error item; `field` (our extension) is the JSON path of the offending value, when there is one. */
export interface ApiErrorItem extends ApiMessage {
  field?: string;
}

function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function errorItem(code: ErrorCode, params?: Params, field?: string): ApiErrorItem {
  const item: ApiErrorItem = { status: false, code, message: fill(ERROR_CATALOGUE[code].message, params) };
  if (field) item.field = field;
  return item;
}

export function warningItem(code: WarningCode, params?: Params): ApiMessage {
  return { status: false, code, message: fill(WARNING_CATALOGUE[code].message, params) };
}

/** A request that must be refused: thrown anywhere, turned into the envelope once, by the route wrapper. */
export class ApiError extends Error {
  readonly http: number;
  readonly items: ApiErrorItem[];
  readonly headers: Record<string, string>;

  constructor(items: ApiErrorItem[], opts: { http?: number; headers?: Record<string, string> } = {}) {
    const first = items[0];
    super(first ? `${first.code} ${first.message}` : 'API error');
    this.name = 'ApiError';
    this.items = items;
    this.http = opts.http ?? (first ? httpStatusOf(first.code) : 400);
    this.headers = opts.headers ?? {};
  }

  static of(
    code: ErrorCode,
    params?: Params,
    opts: { field?: string; headers?: Record<string, string> } = {},
  ): ApiError {
    return new ApiError([errorItem(code, params, opts.field)], { headers: opts.headers });
  }
}

/** The HTTP status for a set of problems: the first one's, as clients read codes, not statuses. */
export function httpStatusOf(code: number): number {
  return (ERROR_CATALOGUE as Record<number, Entry>)[code]?.http ?? 400;
}
