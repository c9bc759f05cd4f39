// The SQL of one registration: find who the identifiers belong to, then write everything in one
// statement (data-modifying CTEs fed by JSON parameters). A new customer's statement first looks for
// the identifiers itself and writes only if none is known, so a new customer costs one round trip, a
// duplicate one, a source account added to a known customer two.
// It takes the engine's own types (lib/customers/types.ts) and owns their mapping to columns.
import { sql, type SQL } from 'drizzle-orm';
import {
  execRows,
  execStatement,
  jsonParam as json,
  param as v,
  statementCache,
  statementOf,
  type DbOrTx,
} from '@/db/client';
import type { HistoryChange } from '@/db/schema';
import { channelColumns } from './customer-care';
import type { IdentityMatch, NormalisedEnrollment, NormalisedProfile, PlannedSideEffect } from '@/lib/customers/types';
import type { ActorType, LoyaltyType } from '@/lib/vocabulary';

/**
 * Who each of these identity keys leads to: the customer, its version and each of its source
 * accounts (one row per account). Each key, its customer and their accounts are looked up on their
 * own: the `offset 0` keeps each lateral subquery a loop of index probes with every key column bound.
 * As joins, PostgreSQL planning generically on young tables may hash the whole org's keys (measured:
 * 3.8 ms of database CPU a registration), or read the whole org's customers for each key and filter
 * them (1.7 ms). tests/integration/foreign-key-plans.test.ts plans it on a new database.
 */
function identityMatchesSql(orgId: SQL, keys: SQL): SQL {
  return sql`
    select x.type, x.value, k.customer_id, cu.version, sa.source, sa.account_id
    from jsonb_to_recordset(${keys}) as x(type text, value text)
    cross join lateral (
      select customer_id from identity_keys
      where org_id = ${orgId} and type = x.type and value = x.value offset 0) k
    cross join lateral (
      select version from customers where org_id = ${orgId} and id = k.customer_id offset 0) cu
    left join lateral (
      select source, account_id from source_accounts
      where org_id = ${orgId} and customer_id = k.customer_id offset 0) sa on true`;
}

/** The statement of findIdentityMatches (exported for the plan test). */
export const identityMatchesStatement = statementOf(identityMatchesSql(v('orgId'), json('keys')));

interface IdentityMatchRow {
  type: string;
  value: string;
  customer_id: string | number;
  version: number;
  source: string | null;
  account_id: string | null;
}

const toIdentityMatch = (r: IdentityMatchRow): IdentityMatch => ({
  type: r.type,
  value: r.value,
  customerId: Number(r.customer_id),
  customerVersion: Number(r.version),
  source: r.source,
  accountId: r.account_id,
});

/** Customers owning any of these unique identifiers, with each customer's source accounts. */
export async function findIdentityMatches(
  db: DbOrTx,
  orgId: number,
  keys: { type: string; value: string }[],
): Promise<IdentityMatch[]> {
  if (keys.length === 0) return [];
  const rows = await execStatement<IdentityMatchRow>(db, identityMatchesStatement, {
    orgId,
    keys: JSON.stringify(keys),
  });
  return rows.map(toIdentityMatch);
}

export async function findCustomerIdByReferralCode(db: DbOrTx, orgId: number, code: string): Promise<number | null> {
  const [row] = await execRows<{ id: string | number }>(
    db,
    sql`
    select id from customers where org_id = ${orgId} and referral_code = ${code}`,
  );
  return row ? Number(row.id) : null;
}

export interface RegistrationWrite {
  orgId: number;
  /** Set: add source accounts to this customer, if it still has this version. Null: create the customer. */
  existing: { id: number; version: number } | null;
  customer: {
    statusLabelId: number | null;
    loyaltyType: LoyaltyType;
    extendedFields: Record<string, unknown>;
    referralCode: string;
    registeredTillId: number | null;
  };
  actor: { type: ActorType; code: string };
  profiles: NormalisedProfile[];
  /** Identity keys the org does not hold yet. */
  keys: { type: string; value: string }[];
  enrollments: NormalisedEnrollment[];
  sideEffects: PlannedSideEffect[];
  audit: { requestId: string; userContext: Record<string, string> | null; details: Record<string, unknown> };
  /** The customer's history entry: customer.registered, or source.added for an existing customer. */
  historyChanges: HistoryChange[];
  /** Folded words of the new profiles' names, for the search (the customer may hold some already). */
  searchWords: string[];
}

/** The rows of each table as the statement's JSON parameters, named as its columns. */
function rowsOf(w: RegistrationWrite) {
  const profiles = w.profiles.map((p) => ({
    source: p.source,
    account_id: p.accountId,
    first_name: p.firstName,
    last_name: p.lastName,
    fields: p.fields,
  }));
  const identifiers = w.profiles.flatMap((p) =>
    p.identifiers.map((i) => ({
      source: p.source,
      account_id: p.accountId,
      type: i.type,
      value: i.value,
      position: i.position,
      series_id: i.seriesId,
      status_label: i.statusLabel,
      extended_fields: i.extendedFields,
    })),
  );
  const channels = w.profiles.flatMap((p) =>
    p.channels.map((c) => ({ source: p.source, account_id: p.accountId, ...channelColumns(c) })),
  );
  const enrollments = w.enrollments.map((e) => ({
    program_id: e.program.id,
    tier_number: e.tierNumber,
    points: e.points,
    tier_expiry_date: e.tierExpiryDate?.toISOString() ?? null,
    points_expiry_date: e.pointsExpiryDate?.toISOString() ?? null,
  }));
  const sideEffects = w.sideEffects.map((e) => ({
    position: e.position,
    type: e.type,
    program_id: e.programId,
    is_referrer: e.isReferrer,
    beneficiary: e.beneficiaryCustomerId,
    raw_value: e.rawValue,
    currency_identifier: e.currencyIdentifier,
    currency_name: e.currencyName,
    coupon_code: e.couponCode,
    coupon_type: e.couponType,
    valid_till: e.validTill?.toISOString() ?? null,
    description: e.description,
    discount_code: e.discountCode,
  }));
  return { profiles, identifiers, channels, enrollments, sideEffects };
}

/** Which parts a registration writes: each combination is one statement text, rendered once. */
export interface Shape {
  existing: boolean;
  /** A new customer, written only if none of its keys is known. */
  checkKnown: boolean;
  keys: boolean;
  channels: boolean;
  enrollments: boolean;
  sideEffects: boolean;
  userContext: boolean;
  searchWords: boolean;
}
/** The statement of each shape (exported for the plan test, tests/integration/foreign-key-plans.test.ts). */
export const registrationStatement = statementCache(registrationSql);

function registrationSql(shape: Shape): SQL {
  const orgId = v('orgId');
  const actorType = v('actorType');
  const actorCode = v('actorCode');
  // A source account added to an existing customer is a change of it: its version goes up, if the row
  // still has the version the identity was resolved with; else nothing is written (every part reads c).
  // A new customer is written only if none of its identity keys is known (`known`, read by the same
  // statement): else nothing is, and the statement answers who they lead to, as findIdentityMatches.
  const customer = shape.existing
    ? sql`update customers set version = version + 1
          where org_id = ${orgId} and id = ${v('existingCustomerId')} and version = ${v('existingVersion')} returning id`
    : sql`insert into customers (org_id, status_label_id, loyalty_type, extended_fields, referral_code, registered_till_id, created_by_type, created_by_code)
          select ${orgId}, ${v('statusLabelId')}, ${v('loyaltyType')}, ${json('extendedFields')},
                 ${v('referralCode')}, ${v('registeredTillId')}, ${actorType}, ${actorCode}
          ${shape.checkKnown ? sql`where not exists (select from known)` : sql``}
          returning id`;
  const parts: SQL[] = [];
  if (shape.checkKnown) {
    parts.push(sql`known as (${identityMatchesSql(orgId, json('keys'))})`);
  }
  parts.push(sql`c as (${customer})`);
  parts.push(sql`sa as (
    insert into source_accounts (org_id, customer_id, source, account_id, first_name, last_name, fields, created_by_type, created_by_code)
    select ${orgId}, c.id, p.source, p.account_id, p.first_name, p.last_name, p.fields, ${actorType}, ${actorCode}
    from c, jsonb_to_recordset(${json('profiles')}) as p(source text, account_id text, first_name text, last_name text, fields jsonb)
    returning id, source, account_id)`);
  parts.push(sql`i as (
    insert into identifiers (org_id, source_account_id, type, value, customer_id, position, series_id, status_label, extended_fields)
    select ${orgId}, sa.id, x.type, x.value, c.id, x.position, x.series_id, x.status_label, x.extended_fields
    from c, sa join jsonb_to_recordset(${json('identifiers')}) as x(source text, account_id text, type text, value text, position int, series_id int, status_label text, extended_fields jsonb)
      on x.source = sa.source and x.account_id = sa.account_id)`);
  if (shape.keys) {
    parts.push(sql`k as (
      insert into identity_keys (org_id, type, value, customer_id)
      select ${orgId}, x.type, x.value, c.id from c, jsonb_to_recordset(${json('keys')}) as x(type text, value text))`);
  }
  if (shape.channels) {
    parts.push(sql`ch as (
      insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
      select ${orgId}, sa.id, x.position, x.type, x.value, x.is_primary, x.verified, x.subscribed, x.meta
      from sa join jsonb_to_recordset(${json('channels')}) as x(source text, account_id text, position int, type text, value text, is_primary boolean, verified boolean, subscribed boolean, meta jsonb)
        on x.source = sa.source and x.account_id = sa.account_id)`);
  }
  if (shape.enrollments) {
    parts.push(sql`en as (
      insert into loyalty_enrollments (org_id, customer_id, program_id, tier_number, points, tier_expiry_date, points_expiry_date)
      select ${orgId}, c.id, x.program_id, x.tier_number, x.points, x.tier_expiry_date, x.points_expiry_date
      from c, jsonb_to_recordset(${json('enrollments')}) as x(program_id int, tier_number int, points numeric, tier_expiry_date timestamptz, points_expiry_date timestamptz))`);
  }
  if (shape.sideEffects) {
    parts.push(sql`se as (
      insert into side_effects (org_id, customer_id, beneficiary_customer_id, position, program_id, type, is_referrer, raw_value,
                                currency_identifier, currency_name, coupon_code, coupon_type, valid_till, description, discount_code)
      select ${orgId}, c.id, coalesce(x.beneficiary, c.id), x.position, x.program_id, x.type, x.is_referrer, x.raw_value,
             x.currency_identifier, x.currency_name, x.coupon_code, x.coupon_type, x.valid_till, x.description, x.discount_code
      from c, jsonb_to_recordset(${json('sideEffects')}) as x(position int, type text, program_id int, is_referrer boolean, beneficiary bigint,
        raw_value numeric, currency_identifier text, currency_name text, coupon_code text, coupon_type text, valid_till timestamptz,
        description text, discount_code text)
      returning id, position)`);
  }
  parts.push(sql`au as (
    insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details)
    select ${orgId}, 'customer.register', 'success', c.id, ${v('requestId')}, ${actorType}, ${actorCode},
           ${shape.userContext ? json('userContext') : sql`null`}, ${json('details')} from c)`);
  parts.push(sql`h as (
    insert into customer_history (org_id, customer_id, action, actor_type, actor_code, request_id, user_context, changes)
    select ${orgId}, c.id, ${sql.raw(shape.existing ? "'source.added'" : "'customer.registered'")}, ${actorType}, ${actorCode},
           ${v('requestId')}, ${shape.userContext ? json('userContext') : sql`null`}, ${json('historyChanges')} from c)`);
  if (shape.searchWords) {
    parts.push(sql`sw as (
      insert into customer_search_words (org_id, customer_id, word)
      select ${orgId}, c.id, x from c, jsonb_array_elements_text(${json('searchWords')}) x
      on conflict do nothing)`);
  }
  const effects = shape.sideEffects
    ? sql`(select coalesce(jsonb_agg(jsonb_build_object('id', id, 'position', position)), '[]'::jsonb) from se)`
    : sql`'[]'::jsonb`;
  const known = shape.checkKnown ? sql`(select jsonb_agg(known) from known)` : sql`null::jsonb`;
  return sql`with ${sql.join(parts, sql`, `)}
    select (select id from c) as customer_id, ${effects} as effects, ${known} as known`;
}

/** What a registration statement did. */
export type RegistrationOutcome =
  | { written: true; customerId: number; sideEffectIds: Map<number, number> }
  /** A new customer's keys are known after all: nothing was written; who they lead to. */
  | { written: false; known: IdentityMatch[] }
  /** The existing customer no longer had the version given: nothing was written. */
  | { written: false; known: null };

/** Writes the whole registration: the customer id and the ids of the side effects by position. */
export async function insertRegistration(db: DbOrTx, w: RegistrationWrite): Promise<RegistrationOutcome> {
  const rows = rowsOf(w);
  const shape: Shape = {
    existing: w.existing !== null,
    checkKnown: w.existing === null && w.keys.length > 0,
    keys: w.keys.length > 0,
    channels: rows.channels.length > 0,
    enrollments: rows.enrollments.length > 0,
    sideEffects: rows.sideEffects.length > 0,
    userContext: w.audit.userContext !== null,
    searchWords: w.searchWords.length > 0,
  };
  const [row] = await execStatement<{
    customer_id: string | number | null;
    effects: { id: number | string; position: number }[] | string;
    known: IdentityMatchRow[] | string | null;
  }>(db, registrationStatement(shape), {
    orgId: w.orgId,
    actorType: w.actor.type,
    actorCode: w.actor.code,
    existingCustomerId: w.existing?.id,
    existingVersion: w.existing?.version,
    statusLabelId: w.customer.statusLabelId,
    loyaltyType: w.customer.loyaltyType,
    extendedFields: JSON.stringify(w.customer.extendedFields),
    referralCode: w.customer.referralCode,
    registeredTillId: w.customer.registeredTillId,
    profiles: JSON.stringify(rows.profiles),
    identifiers: JSON.stringify(rows.identifiers),
    keys: JSON.stringify(w.keys),
    channels: JSON.stringify(rows.channels),
    enrollments: JSON.stringify(rows.enrollments),
    sideEffects: JSON.stringify(rows.sideEffects),
    requestId: w.audit.requestId,
    userContext: JSON.stringify(w.audit.userContext),
    details: JSON.stringify(w.audit.details),
    historyChanges: JSON.stringify(w.historyChanges),
    searchWords: JSON.stringify(w.searchWords),
  });
  if (!row) throw new Error('registration insert returned no row');
  if (row.customer_id === null) {
    const known = typeof row.known === 'string' ? (JSON.parse(row.known) as IdentityMatchRow[]) : row.known;
    return { written: false, known: known && known.map(toIdentityMatch) };
  }
  const list =
    typeof row.effects === 'string' ? (JSON.parse(row.effects) as { id: number; position: number }[]) : row.effects;
  return {
    written: true,
    customerId: Number(row.customer_id),
    sideEffectIds: new Map(list.map((e) => [e.position, Number(e.id)])),
  };
}
