// Reads of one customer and its parts, for GET /v2/customers/{id}, the lookup and the customer page.
// Every query names the org: an id of another org finds nothing, exactly like an unknown id.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { execStatement, param, statementOf, type DbOrTx } from '@/db/client';
import { auditLog, identifiers, sourceAccounts, type sideEffects } from '@/db/schema';
import type { ChannelRow } from './customer-care';
import type { ActorType, CustomerLifecycle, CustomerStatus, LoyaltyType } from '@/lib/vocabulary';

interface CustomerKey {
  orgId: number;
  customerId: number;
}

const orgId = param('orgId');

const ms = (column: string) => `floor(extract(epoch from ${column}) * 1000)`;

// One statement, prepared: the customer's row with its accounts, identifiers, channels, enrollments and
// side effects as JSON arrays in their display order. Six statements built by the query builder cost
// more than twice the app's CPU of a registration; this costs one round trip. Times are epoch milliseconds.
// Each subquery binds the org parameter itself, so a planner sharded by org routes it to one shard, and
// keeps its correlation to the customer (`x.org_id = c.org_id`): with the parameter alone, PostgreSQL
// planning generically on a young table probed an index led by org_id alone ((org_id, id),
// (org_id, beneficiary_customer_id)) and filtered the org's rows (tests/integration/foreign-key-plans.test.ts).
const customerSelect = (which: SQL) => sql`
  select c.id, c.version, c.lifecycle, c.merged_into, c.loyalty_type, c.extended_fields, c.referral_code,
    sl.name as label_name, sl.status as label_status, t.code as till_code, rc.primary_identifier,
    coalesce((select jsonb_agg(jsonb_build_object('id', sa.id, 'source', sa.source, 'accountId', sa.account_id,
                'firstName', sa.first_name, 'lastName', sa.last_name, 'fields', sa.fields,
                'createdAt', ${sql.raw(ms('sa.created_at'))}, 'createdByCode', sa.created_by_code,
                'createdByType', sa.created_by_type)
              order by sa.source <> 'INSTORE', sa.created_at, sa.id)
              from source_accounts sa where sa.org_id = ${orgId} and sa.org_id = c.org_id and sa.customer_id = c.id), '[]'::jsonb) as accounts,
    -- Through the customer's source accounts, so each account is one probe of the identifiers' primary
    -- key (org_id, source_account_id, ...): no index leads with the identifiers' own customer_id.
    coalesce((select jsonb_agg(jsonb_build_object('sourceAccountId', i.source_account_id, 'type', i.type,
                'value', i.value, 'seriesId', i.series_id, 'statusLabel', i.status_label,
                'extendedFields', i.extended_fields)
              order by i.source_account_id, i.position)
              from source_accounts sa join identifiers i on i.org_id = sa.org_id and i.source_account_id = sa.id
              where sa.org_id = ${orgId} and sa.org_id = c.org_id and sa.customer_id = c.id), '[]'::jsonb) as identifiers,
    coalesce((select jsonb_agg(jsonb_build_object('sourceAccountId', ch.source_account_id, 'type', ch.type,
                'value', ch.value, 'primary', ch.is_primary, 'verified', ch.verified, 'subscribed', ch.subscribed,
                'meta', ch.meta)
              order by ch.source_account_id, ch.position, ch.id)
              from source_accounts sa join comm_channels ch on ch.org_id = sa.org_id and ch.source_account_id = sa.id
              where sa.org_id = ${orgId} and sa.org_id = c.org_id and sa.customer_id = c.id), '[]'::jsonb) as channels,
    coalesce((select jsonb_agg(jsonb_build_object('programId', e.program_id, 'programName', p.name,
                'tierNumber', e.tier_number, 'tierName', lt.name, 'points', e.points,
                'tierExpiryDate', ${sql.raw(ms('e.tier_expiry_date'))},
                'pointsExpiryDate', ${sql.raw(ms('e.points_expiry_date'))})
              order by e.created_at, e.program_id)
              from loyalty_enrollments e
              join loyalty_programs p on p.org_id = e.org_id and p.id = e.program_id
              join loyalty_tiers lt on lt.org_id = e.org_id and lt.program_id = e.program_id and lt.number = e.tier_number
              where e.org_id = ${orgId} and e.org_id = c.org_id and e.customer_id = c.id), '[]'::jsonb) as enrollments,
    coalesce((select jsonb_agg(jsonb_build_object('id', se.id, 'beneficiaryCustomerId', se.beneficiary_customer_id,
                'position', se.position, 'programId', se.program_id, 'type', se.type, 'isReferrer', se.is_referrer,
                'rawValue', se.raw_value, 'currencyIdentifier', se.currency_identifier,
                'currencyName', se.currency_name, 'couponCode', se.coupon_code, 'couponType', se.coupon_type,
                'validTill', ${sql.raw(ms('se.valid_till'))}, 'description', se.description,
                'discountCode', se.discount_code)
              order by se.position, se.id)
              from side_effects se where se.org_id = ${orgId} and se.org_id = c.org_id and se.customer_id = c.id), '[]'::jsonb) as side_effects
  from customers c
  left join status_labels sl on sl.org_id = c.org_id and sl.id = c.status_label_id
  left join tills t on t.org_id = c.org_id and t.id = c.registered_till_id
  left join registration_configs rc on rc.org_id = c.org_id
  where c.org_id = ${orgId} and ${which}`;

export const customerStatement = statementOf(customerSelect(sql`c.id = ${param('customerId')}`));

/**
 * The same read of several customers of one org at once (the webhook worker renders the customers of
 * a claim's customerAdded events in one statement): the ids bound as one array, `{1,2,3}`, each
 * customer a probe of the primary key.
 */
export const customersStatement = statementOf(customerSelect(sql`c.id = any(${param('customerIds')}::bigint[])`));

export interface StoredCustomer {
  id: number;
  version: number;
  lifecycle: CustomerLifecycle;
  mergedInto: number | null;
  loyaltyType: LoyaltyType;
  extendedFields: Record<string, unknown>;
  referralCode: string;
  labelName: string | null;
  labelStatus: CustomerStatus | null;
  tillCode: string | null;
  primaryIdentifier: string | null;
  accounts: {
    id: number;
    source: string;
    accountId: string;
    firstName: string | null;
    lastName: string | null;
    fields: Record<string, unknown>;
    createdAt: Date;
    createdByCode: string;
    createdByType: ActorType;
  }[];
  identifiers: {
    sourceAccountId: number;
    type: string;
    value: string;
    seriesId: number | null;
    statusLabel: string | null;
    extendedFields: Record<string, unknown> | null;
  }[];
  channels: (ChannelRow & { sourceAccountId: number })[];
  enrollments: {
    programId: number;
    programName: string;
    tierNumber: number;
    tierName: string;
    points: number;
    tierExpiryDate: Date | null;
    pointsExpiryDate: Date | null;
  }[];
  sideEffects: Omit<typeof sideEffects.$inferSelect, 'orgId' | 'customerId' | 'createdAt'>[];
}

type Raw<T> = { [K in keyof T]: T[K] extends Date ? number : T[K] extends Date | null ? number | null : T[K] };
const dateOf = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

interface CustomerRow {
  id: string | number;
  version: number;
  lifecycle: CustomerLifecycle;
  merged_into: string | number | null;
  loyalty_type: LoyaltyType;
  extended_fields: Record<string, unknown>;
  referral_code: string;
  label_name: string | null;
  label_status: CustomerStatus | null;
  till_code: string | null;
  primary_identifier: string | null;
  accounts: Raw<StoredCustomer['accounts'][number]>[];
  identifiers: StoredCustomer['identifiers'];
  channels: StoredCustomer['channels'];
  enrollments: Raw<StoredCustomer['enrollments'][number]>[];
  side_effects: Raw<StoredCustomer['sideEffects'][number]>[];
}

function storedOf(row: CustomerRow): StoredCustomer {
  return {
    id: Number(row.id),
    version: Number(row.version),
    lifecycle: row.lifecycle,
    mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    loyaltyType: row.loyalty_type,
    extendedFields: row.extended_fields,
    referralCode: row.referral_code,
    labelName: row.label_name,
    labelStatus: row.label_status,
    tillCode: row.till_code,
    primaryIdentifier: row.primary_identifier,
    accounts: row.accounts.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
    identifiers: row.identifiers,
    channels: row.channels,
    enrollments: row.enrollments.map((e) => ({
      ...e,
      points: Number(e.points),
      tierExpiryDate: dateOf(e.tierExpiryDate),
      pointsExpiryDate: dateOf(e.pointsExpiryDate),
    })),
    sideEffects: row.side_effects.map((e) => ({
      ...e,
      rawValue: e.rawValue === null ? null : Number(e.rawValue),
      validTill: dateOf(e.validTill),
    })),
  };
}

/** The customer with everything the API shows of it, in display order; null when the org has no such customer. */
export async function readCustomer(db: DbOrTx, key: CustomerKey): Promise<StoredCustomer | null> {
  const [row] = await execStatement<CustomerRow>(db, customerStatement, key);
  return row ? storedOf(row) : null;
}

/** readCustomer of several customers of the org in one statement; the ids the org has no customer of are left out. */
export async function readCustomers(db: DbOrTx, orgId: number, customerIds: number[]): Promise<StoredCustomer[]> {
  if (customerIds.length === 0) return [];
  const rows = await execStatement<CustomerRow>(db, customersStatement, {
    orgId,
    customerIds: `{${customerIds.join(',')}}`,
  });
  return rows.map(storedOf);
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
