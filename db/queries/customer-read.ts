// Reads of one customer and its parts, for GET /v2/customers/{id}, the lookup and the customer page.
// Every query names the org: an id of another org finds nothing, exactly like an unknown id.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  auditLog,
  commChannels,
  customers,
  identifiers,
  loyaltyEnrollments,
  loyaltyPrograms,
  loyaltyTiers,
  registrationConfigs,
  sideEffects,
  sourceAccounts,
  statusLabels,
  tills,
} from '@/db/schema';

interface CustomerKey {
  orgId: number;
  customerId: number;
}

export async function findCustomerRow(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  const [row] = await db
    .select({
      id: customers.id,
      version: customers.version,
      loyaltyType: customers.loyaltyType,
      extendedFields: customers.extendedFields,
      referralCode: customers.referralCode,
      labelName: statusLabels.name,
      labelStatus: statusLabels.status,
      tillCode: tills.code,
      primaryIdentifier: registrationConfigs.primaryIdentifier,
    })
    .from(customers)
    .leftJoin(statusLabels, and(eq(statusLabels.orgId, customers.orgId), eq(statusLabels.id, customers.statusLabelId)))
    .leftJoin(tills, and(eq(tills.orgId, customers.orgId), eq(tills.id, customers.registeredTillId)))
    .leftJoin(registrationConfigs, eq(registrationConfigs.orgId, customers.orgId))
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return row ?? null;
}

/** The customer's source accounts: INSTORE first, then in the order they were created. */
export function listSourceAccounts(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  return db
    .select()
    .from(sourceAccounts)
    .where(and(eq(sourceAccounts.orgId, orgId), eq(sourceAccounts.customerId, customerId)))
    .orderBy(sql`(${sourceAccounts.source} <> 'INSTORE')`, asc(sourceAccounts.createdAt), asc(sourceAccounts.id));
}

/**
 * Through the customer's source accounts, so each account is one probe of the identifiers' primary key
 * (org_id, source_account_id, ...): no index leads with the identifiers' own customer_id, and a filter on
 * it would read every identifier of the org.
 */
export function listIdentifiersOfCustomer(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  const accountsOfCustomer = db
    .select({ id: sourceAccounts.id })
    .from(sourceAccounts)
    .where(and(eq(sourceAccounts.orgId, orgId), eq(sourceAccounts.customerId, customerId)));
  return db
    .select()
    .from(identifiers)
    .where(and(eq(identifiers.orgId, orgId), inArray(identifiers.sourceAccountId, accountsOfCustomer)))
    .orderBy(asc(identifiers.sourceAccountId), asc(identifiers.position));
}

export function listCommChannelsOfCustomer(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  return db
    .select({ channel: commChannels })
    .from(commChannels)
    .innerJoin(
      sourceAccounts,
      and(eq(sourceAccounts.orgId, commChannels.orgId), eq(sourceAccounts.id, commChannels.sourceAccountId)),
    )
    .where(and(eq(commChannels.orgId, orgId), eq(sourceAccounts.customerId, customerId)))
    .orderBy(asc(commChannels.sourceAccountId), asc(commChannels.position), asc(commChannels.id));
}

export function listEnrollments(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  return db
    .select({
      programId: loyaltyEnrollments.programId,
      programName: loyaltyPrograms.name,
      tierNumber: loyaltyEnrollments.tierNumber,
      tierName: loyaltyTiers.name,
      points: loyaltyEnrollments.points,
      tierExpiryDate: loyaltyEnrollments.tierExpiryDate,
      pointsExpiryDate: loyaltyEnrollments.pointsExpiryDate,
    })
    .from(loyaltyEnrollments)
    .innerJoin(
      loyaltyPrograms,
      and(eq(loyaltyPrograms.orgId, loyaltyEnrollments.orgId), eq(loyaltyPrograms.id, loyaltyEnrollments.programId)),
    )
    .innerJoin(
      loyaltyTiers,
      and(
        eq(loyaltyTiers.orgId, loyaltyEnrollments.orgId),
        eq(loyaltyTiers.programId, loyaltyEnrollments.programId),
        eq(loyaltyTiers.number, loyaltyEnrollments.tierNumber),
      ),
    )
    .where(and(eq(loyaltyEnrollments.orgId, orgId), eq(loyaltyEnrollments.customerId, customerId)))
    .orderBy(asc(loyaltyEnrollments.createdAt), asc(loyaltyEnrollments.programId));
}

/** What this customer's registration issued (a referrer's bonus included), in the order it was issued. */
export function listSideEffectsCausedBy(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  return db
    .select()
    .from(sideEffects)
    .where(and(eq(sideEffects.orgId, orgId), eq(sideEffects.customerId, customerId)))
    .orderBy(asc(sideEffects.position), asc(sideEffects.id));
}

export interface IdentifierQuery {
  orgId: number;
  type: string;
  value: string;
  /** Omitted: any source. */
  source?: string;
  /** Omitted: any account of the source. */
  accountId?: string;
}

/** The customer holding an identifier (the lowest id, should a non-unique type be shared). */
export async function findCustomerIdByIdentifier(db: DbOrTx, q: IdentifierQuery): Promise<number | null> {
  const [row] = await db
    .select({ customerId: identifiers.customerId })
    .from(identifiers)
    .innerJoin(
      sourceAccounts,
      and(eq(sourceAccounts.orgId, identifiers.orgId), eq(sourceAccounts.id, identifiers.sourceAccountId)),
    )
    .where(
      and(
        eq(identifiers.orgId, q.orgId),
        eq(identifiers.type, q.type),
        eq(identifiers.value, q.value),
        q.source === undefined ? undefined : eq(sourceAccounts.source, q.source),
        q.accountId === undefined ? undefined : eq(sourceAccounts.accountId, q.accountId),
      ),
    )
    .orderBy(asc(identifiers.customerId))
    .limit(1);
  return row?.customerId ?? null;
}

export const REGISTER_ACTION = 'customer.register';

/** The first registration record naming the customer: who created it, from which request. */
export async function findRegistrationAuditRow(db: DbOrTx, { orgId, customerId }: CustomerKey) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.customerId, customerId), eq(auditLog.action, REGISTER_ACTION)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    .limit(1);
  return row ?? null;
}
