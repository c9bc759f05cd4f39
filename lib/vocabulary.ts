// Every fixed list of the application, defined once: the database's columns and checks, the API's
// schemas, the engine, the auth code and the settings editor all read them here. This module imports
// nothing, so anything may import it (the browser, the proxy, db/schema) without pulling code along.
// API words are matched case-insensitively; the spelling below is what is stored and returned.

// --- The API's words (docs/api.md) ---

export const SOURCES = [
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'INSTORE',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
] as const;
export type Source = (typeof SOURCES)[number];

/** Sources whose profiles live in one of several accounts (a LINE channel, a WeChat app, ...). */
export const MULTI_ACCOUNT_SOURCES: readonly Source[] = ['WECHAT', 'LINE', 'FACEBOOK', 'MOBILE_APP', 'WEB_ENGAGE'];

export const IDENTIFIER_TYPES = [
  'mobile',
  'email',
  'externalId',
  'cardnumber',
  'cuid',
  'unionId',
  'wechat',
  'line',
  'martjackId',
  'fbId',
  'tmall_uname',
  'ali_uname',
  'jd_uname',
  'vip_uname',
  'cardExternalId',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Identifier types that are always unique, whatever the org says. */
export const ALWAYS_UNIQUE_TYPES: readonly IdentifierType[] = ['mobile', 'externalId', 'cardnumber'];
/** Types whose identifiers may carry seriesId, statusLabel and extendedFields. */
export const CARD_TYPES: readonly IdentifierType[] = ['cardnumber', 'cardExternalId'];

/** Only these identifier types can be made mandatory, each with its own error code. */
export const MANDATORY_IDENTIFIER_CODES = { mobile: 1006, email: 1039, externalId: 1043 } as const;
export type MandatoryIdentifierType = keyof typeof MANDATORY_IDENTIFIER_CODES;
export const MANDATORY_IDENTIFIER_TYPES = [
  'mobile',
  'email',
  'externalId',
] as const satisfies readonly MandatoryIdentifierType[];

export const CHANNEL_TYPES = [
  'mobile',
  'email',
  'cardnumber',
  'wechat',
  'ios',
  'android',
  'line',
  'mobilePush',
  'whatsapp',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const LOYALTY_TYPES = ['loyalty', 'non_loyalty'] as const;
export type LoyaltyType = (typeof LOYALTY_TYPES)[number];

function canonicalizer<T extends string>(words: readonly T[]): (input: string) => T | undefined {
  const byLower = new Map(words.map((w) => [w.toLowerCase(), w]));
  return (input) => byLower.get(input.trim().toLowerCase());
}

export const canonicalSource = canonicalizer(SOURCES);
export const canonicalIdentifierType = canonicalizer(IDENTIFIER_TYPES);
export const canonicalChannelType = canonicalizer(CHANNEL_TYPES);

export function isMultiAccountSource(source: Source): boolean {
  return MULTI_ACCOUNT_SOURCES.includes(source);
}

// --- Customers and their fields ---

export const CUSTOMER_STATUSES = [
  'ACTIVE',
  'SUSPENDED',
  'DELETED',
  'FRAUD_SUSPECTED',
  'FRAUD_CONFIRMED',
  'INTERNAL',
  'PENDING_DELETION',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const STATUS_NAMES: Record<CustomerStatus, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  DELETED: 'Deleted',
  FRAUD_SUSPECTED: 'Fraud suspected',
  FRAUD_CONFIRMED: 'Fraud confirmed',
  INTERNAL: 'Internal',
  PENDING_DELETION: 'Pending deletion',
};

/** Types of an org's own custom fields. */
export const CUSTOM_FIELD_TYPES = ['STRING', 'INTEGER', 'DOUBLE', 'BOOLEAN', 'DATE', 'ENUM'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Types of the platform's extended fields. */
export const EXTENDED_FIELD_TYPES = [
  'STRING',
  'INTEGER',
  'DOUBLE',
  'DATETIME',
  'STANDARD_ENUM',
  'CUSTOM_ENUM',
  'COUNTRY',
  'LANGUAGE',
  'CURRENCY',
] as const;
export type ExtendedFieldType = (typeof EXTENDED_FIELD_TYPES)[number];

export const EXTENDED_FIELD_SCOPES = ['CUSTOMER', 'CARD'] as const;
export type ExtendedFieldScope = (typeof EXTENDED_FIELD_SCOPES)[number];

// --- Loyalty ---

export const PROGRAM_TYPES = ['DEFAULT', 'SUPPLEMENTARY'] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

/** What enrolling in a program gives at registration; also what a registration's side effects are. */
export const BENEFIT_TYPES = ['points', 'alternate_currency', 'coupon'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];
export type SideEffectType = BenefitType;

export const BENEFIT_NAMES: Record<BenefitType, string> = {
  points: 'Bonus points',
  alternate_currency: 'Alternate currency',
  coupon: 'Welcome coupon',
};

// --- Orgs, callers and staff ---

export const REGIONS = ['ASIA1', 'ASIA2', 'EMEA', 'US'] as const;
export type Region = (typeof REGIONS)[number];

/** Requests per minute by region; null = no limit. An org may override its region's. */
export const REGION_RATE_LIMITS: Record<Region, number | null> = { ASIA2: 100, ASIA1: 600, EMEA: 100, US: null };

export const REGION_NAMES: Record<Region, string> = { ASIA1: 'Asia-1', ASIA2: 'Asia-2', EMEA: 'EMEA', US: 'US' };

/** API callers: a till signs in with Basic, an OAuth client with a token. */
export const API_CLIENT_KINDS = ['TILL', 'OAUTH_CLIENT'] as const;
export type ApiClientKind = (typeof API_CLIENT_KINDS)[number];

/** Staff roles: staff search, register and care; supervisors also approve requests; admins do everything. */
export const STAFF_ROLES = ['staff', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What an API client may do (the seed's access groups). `customers:write` implies `customers:read` and
 * `customers:import` (CSV imports; among staff, admins only);
 * `admin` implies every other value (lib/auth/access.ts).
 */
export const API_ACCESS = [
  'customers:read',
  'customers:write',
  'customers:import',
  'requests:approve',
  'webhooks:manage',
  'admin',
] as const;
export type ApiAccess = (typeof API_ACCESS)[number];

/** Who did something: an API client or a staff member in the browser. */
export const ACTOR_TYPES = [...API_CLIENT_KINDS, 'STAFF'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What a customer's history records (docs/api.md, "History"). */
export const HISTORY_ACTIONS = [
  'customer.registered',
  'source.added',
  'customer.updated',
  'status.changed',
  'identifier.added',
  'identifier.removed',
  'customer.merged',
  'customer.unmerged',
  'customer.deleted',
  'request.decided',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The events a webhook may subscribe to (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENTS = [
  'customerAdded',
  'sourceAccountAdded',
  'customerUpdated',
  'customerStatusChanged',
  'identifierChanged',
  'customerMerged',
  'customerUnmerged',
  'customerDeleted',
  'requestDecided',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The event each history entry reports; the entries of one change reporting the same event make one event. */
export const EVENT_OF_HISTORY_ACTION: Record<HistoryAction, WebhookEvent> = {
  'customer.registered': 'customerAdded',
  'source.added': 'sourceAccountAdded',
  'customer.updated': 'customerUpdated',
  'status.changed': 'customerStatusChanged',
  'identifier.added': 'identifierChanged',
  'identifier.removed': 'identifierChanged',
  'customer.merged': 'customerMerged',
  'customer.unmerged': 'customerUnmerged',
  'customer.deleted': 'customerDeleted',
  'request.decided': 'requestDecided',
};

// --- Requests: merge and PII deletion under maker-checker (docs/api.md, "Requests") ---

/** Where a customer stands: in use, merged into another, waiting for its personal data's erasure, erased. */
export const CUSTOMER_LIFECYCLES = ['ACTIVE', 'MERGED', 'PENDING_DELETION', 'DELETED'] as const;
export type CustomerLifecycle = (typeof CUSTOMER_LIFECYCLES)[number];

export const REQUEST_BASE_TYPES = ['MERGE', 'DELETE'] as const;
export type RequestBaseType = (typeof REQUEST_BASE_TYPES)[number];

/** PENDING → APPROVED → PROCESSING → COMPLETED | FAILED; PENDING → REJECTED | CANCELLED; REJECTED → PENDING. */
export const REQUEST_STATUSES = [
  'PENDING',
  'APPROVED',
  'PROCESSING',
  'COMPLETED',
  'FAILED',
  'REJECTED',
  'CANCELLED',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Where a webhook delivery stands: waiting (or being sent), delivered, or given up. */
/**
 * An import job's states (docs/api.md, "Import jobs"). UPLOADING is internal: the file is still arriving
 * (the job is answered once it is QUEUED).
 */
export const IMPORT_STATUSES = ['UPLOADING', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** What became of one row of an import (its results CSV). */
export const IMPORT_OUTCOMES = ['created', 'sourceAdded', 'duplicate', 'invalid'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
