// The read model of a customer, shared by GET /v2/customers/{id}, the lookup and the customer page.
// Plain functions of a connection (no Next.js), so a route, a server component and a test call the same.
import type { DbOrTx } from '@/db/client';
import {
  findCustomerIdByIdentifier,
  findRegistrationAuditRow,
  readCustomer,
  readCustomers,
  type StoredCustomer,
} from '@/db/queries/customer-read';
import type { OrgConfig } from '@/lib/config/types';
import { normaliseIdentifierValue } from './identifier-values';
import { isoUtc, toSideEffectItem } from './side-effects';
import type { CustomerView, ProfileView } from './views';
import type { IdentifierType, Source } from '@/lib/vocabulary';

export interface CustomerFilter {
  source?: Source;
  accountId?: string;
}

/**
 * One customer of the org, or null: unknown id, another org's id, or no source account matching the
 * filter (a customer not found "for the given identifiers", as the API says it).
 */
export async function getCustomer(
  db: DbOrTx,
  orgId: number,
  customerId: number,
  filter: CustomerFilter = {},
): Promise<CustomerView | null> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return null;
  const key = { orgId, customerId };
  const customer = await readCustomer(db, key);
  if (!customer) return null;
  return viewOf(customer, filter);
}

/**
 * getCustomer of several customers of the org in one statement (no filter): each found id with its
 * view; ids of no customer of the org are absent.
 */
export async function getCustomers(
  db: DbOrTx,
  orgId: number,
  customerIds: number[],
): Promise<Map<number, CustomerView>> {
  const ids = [...new Set(customerIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  const views = new Map<number, CustomerView>();
  for (const customer of await readCustomers(db, orgId, ids)) {
    const view = viewOf(customer, {});
    if (view) views.set(customer.id, view);
  }
  return views;
}

/** Where a customer stands besides its view: merged (into whom), pending deletion, deleted. */
export interface ResolvedCustomer {
  customer: CustomerView;
  /** The id asked for was merged into this customer (warning 91009). */
  mergedFrom: number | null;
  /** Its personal data was erased (warning 8109). */
  deleted: boolean;
}

/**
 * The customer as GET /v2/customers/{id} answers it: a merge victim answers its survivor (following a
 * chain of merges), a deleted customer its id and loyalty only. Null as getCustomer.
 */
export async function resolveCustomer(
  db: DbOrTx,
  orgId: number,
  customerId: number,
  filter: CustomerFilter = {},
): Promise<ResolvedCustomer | null> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return null;
  let stored = await readCustomer(db, { orgId, customerId });
  for (let hops = 0; stored?.lifecycle === 'MERGED' && stored.mergedInto !== null && hops < 10; hops++)
    stored = await readCustomer(db, { orgId, customerId: stored.mergedInto });
  if (!stored) return null;
  const customer = viewOf(stored, filter);
  if (!customer) return null;
  return {
    customer,
    mergedFrom: stored.id === customerId ? null : customerId,
    deleted: stored.lifecycle === 'DELETED',
  };
}

function viewOf(customer: StoredCustomer, filter: CustomerFilter): CustomerView | null {
  const shown = customer.accounts.filter(
    (a) =>
      (filter.source === undefined || a.source === filter.source) &&
      (filter.accountId === undefined || a.accountId === filter.accountId),
  );
  if (shown.length === 0 && (filter.source !== undefined || filter.accountId !== undefined)) return null;

  const primaryType = customer.primaryIdentifier ?? 'mobile';
  const profiles: ProfileView[] = shown.map((account) => ({
    source: account.source as Source,
    accountId: account.accountId,
    firstName: account.firstName ?? '',
    lastName: account.lastName ?? '',
    identifiers: customer.identifiers
      .filter((i) => i.sourceAccountId === account.id)
      // Stable sort: the primary type first, request order (position) otherwise.
      .sort((a, b) => Number(b.type === primaryType) - Number(a.type === primaryType))
      .map((i) => ({
        type: i.type,
        value: i.value,
        ...(i.seriesId !== null && { seriesId: i.seriesId }),
        ...(i.statusLabel !== null && { statusLabel: i.statusLabel }),
        ...(i.extendedFields !== null && { extendedFields: i.extendedFields }),
      })),
    commChannels: customer.channels
      .filter((c) => c.sourceAccountId === account.id)
      .map((c) => ({
        type: c.type,
        value: c.value,
        primary: c.primary,
        verified: c.verified,
        ...(c.subscribed !== null && { subscribed: c.subscribed }),
        meta: c.meta,
      })),
    fields: account.fields,
    attribution: {
      createDate: isoUtc(account.createdAt),
      createdBy: { code: account.createdByCode, type: account.createdByType },
    },
  }));

  return {
    id: customer.id,
    version: customer.version,
    statusLabel: customer.labelName,
    status:
      customer.lifecycle === 'DELETED' || customer.lifecycle === 'PENDING_DELETION'
        ? customer.lifecycle
        : (customer.labelStatus ?? 'ACTIVE'),
    loyaltyInfo: { loyaltyType: customer.loyaltyType === 'non_loyalty' ? 'non_loyalty' : 'loyalty' },
    extendedFields: customer.extendedFields,
    profiles,
    loyaltyProgramEnrollments: customer.enrollments.map((e) => ({
      programId: e.programId,
      programName: e.programName,
      tierNumber: e.tierNumber,
      tierName: e.tierName,
      loyaltyPoints: e.points,
      tierExpiryDate: e.tierExpiryDate ? isoUtc(e.tierExpiryDate) : null,
      pointsExpiryDate: e.pointsExpiryDate ? isoUtc(e.pointsExpiryDate) : null,
    })),
    sideEffects: customer.sideEffects.map(toSideEffectItem),
    referralCode: customer.referralCode,
    registeredTill: customer.tillCode,
  };
}

export interface RegistrationAudit {
  actorType: string;
  actorCode: string;
  /** USER-CONTEXT-ENTITY-* headers of the request (entityType, entityId, entitySource, entitySourceId). */
  userContext: Record<string, string> | null;
  requestId: string;
  at: string;
}

/** Who registered the customer, from which request and when; null when no record names it. */
export async function getRegistrationAudit(
  db: DbOrTx,
  orgId: number,
  customerId: number,
): Promise<RegistrationAudit | null> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return null;
  const row = await findRegistrationAuditRow(db, { orgId, customerId });
  if (!row) return null;
  return {
    actorType: row.actorType,
    actorCode: row.actorCode,
    userContext: row.userContext ?? null,
    requestId: row.requestId,
    at: isoUtc(row.createdAt),
  };
}

export interface LookupQuery {
  type: IdentifierType;
  value: string;
  /** Omitted: every source. */
  source?: Source;
  accountId?: string;
}

/**
 * The customer holding an identifier, the value normalised as registration stores it (mobile digits
 * without +, lowercase email, others trimmed); null when none does or the value could never be stored.
 */
export async function lookupCustomerId(db: DbOrTx, config: OrgConfig, q: LookupQuery): Promise<number | null> {
  const value = normaliseIdentifierValue(q.type, q.value, config);
  if (value === null) return null;
  return findCustomerIdByIdentifier(db, {
    orgId: config.orgId,
    type: q.type,
    value,
    source: q.source,
    accountId: q.accountId,
  });
}
