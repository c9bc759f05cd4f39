// The SQL of one registration: find who the identifiers belong to, then write everything in one
// statement (data-modifying CTEs fed by JSON parameters). A new customer's statement first looks for
// the identifiers itself and writes only if none is known, so a new customer costs one round trip, a
// duplicate one, a source account added to a known customer two.
// Two statement texts: a new customer's, an existing customer's (db/queries/__snapshots__/).
// It owns its row types (each a table's columns, see json-insert.ts); the engine maps its own to them.
import { sql, type SQL } from 'drizzle-orm';
import {
  execRows,
  execStatement,
  jsonParam as json,
  param as v,
  statementOf,
  statementOfSteps,
  type DbOrTx,
  type Statement,
  type Step,
} from '@/db/client';
import { identifiers, identityKeys, loyaltyEnrollments, sideEffects, sourceAccounts } from '@/db/schema';
import {
  insertChannels,
  eventSteps,
  historyStep,
  insertSearchWords,
  orgId,
  type ChannelRow,
  type HistoryEntryRow,
} from './customer-writes';
import { insertOf, jsonInsert, type JsonRow } from './json-insert';
import type { ActorType, LoyaltyType } from '@/lib/vocabulary';

/** A customer already holding one of the given unique identifiers, with one of its source accounts. */
export interface IdentityMatch {
  type: string;
  value: string;
  customerId: number;
  /** The customer's version when it was read: a write to it applies only if it still has it. */
  customerVersion: number;
  /** Null when the customer has no source account (never after a registration). */
  source: string | null;
  accountId: string | null;
}

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

type IdentifierRow = JsonRow<
  typeof identifiers,
  'type' | 'value' | 'position' | 'seriesId' | 'statusLabel' | 'extendedFields'
>;
/** A source account with its identifiers and channels. */
type ProfileRow = JsonRow<typeof sourceAccounts, 'source' | 'accountId' | 'firstName' | 'lastName' | 'fields'> & {
  identifiers: IdentifierRow[];
  channels: (ChannelRow & { position: number })[];
};
type EnrollmentRow = JsonRow<
  typeof loyaltyEnrollments,
  'programId' | 'tierNumber' | 'points' | 'tierExpiryDate' | 'pointsExpiryDate'
>;
/** A side effect; its beneficiary null: the customer registered. */
type SideEffectRow = JsonRow<
  typeof sideEffects,
  | 'position'
  | 'type'
  | 'programId'
  | 'isReferrer'
  | 'rawValue'
  | 'currencyIdentifier'
  | 'currencyName'
  | 'couponCode'
  | 'couponType'
  | 'validTill'
  | 'description'
  | 'discountCode'
> & { beneficiaryCustomerId: number | null };

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
  profiles: ProfileRow[];
  /** Identity keys the org does not hold yet. */
  keys: { type: string; value: string }[];
  /** A new customer's only (an existing customer's statement has neither). */
  enrollments: EnrollmentRow[];
  sideEffects: SideEffectRow[];
  audit: { requestId: string; userContext: Record<string, string> | null; details: Record<string, unknown> };
  /** The customer's history entries: customer.registered, or source.added for an existing customer. */
  history: HistoryEntryRow[];
  /** Folded words of the new profiles' names, for the search (the customer may hold some already). */
  searchWords: string[];
}

const actorType = v('actorType');
const actorCode = v('actorCode');
/** The rows of the JSON parameter that belong to a source account the statement wrote (sa). */
const ofAccount = {
  also: { source: 'text', accountId: 'text' },
  on: sql`x."source" = sa.source and x."accountId" = sa.account_id`,
};

/**
 * What both statements write for the customer `c` (one row, or none: then nothing is written): its
 * source accounts, identifiers, identity keys, channels, audit entry, history, search words and the
 * events of the history (customerAdded or sourceAccountAdded, for the webhooks that want them). Every
 * part binds the org parameter. A part whose JSON rows are `[]` writes nothing.
 */
function accountParts(): Step[] {
  return [
    {
      name: 'sa',
      reads: ['c'],
      returns: 'id bigint, source text, account_id text',
      insert: jsonInsert({
        table: sourceAccounts,
        rows: json('profiles'),
        set: { orgId, customerId: sql`c.id`, createdByType: actorType, createdByCode: actorCode },
        fromJson: ['source', 'accountId', 'firstName', 'lastName', 'fields'],
        from: sql`c`,
        tail: 'returning id, source, account_id',
      }),
    },
    {
      name: 'i',
      reads: ['c', 'sa'],
      insert: jsonInsert({
        table: identifiers,
        rows: json('identifiers'),
        set: { orgId, sourceAccountId: sql`sa.id`, customerId: sql`c.id` },
        fromJson: ['type', 'value', 'position', 'seriesId', 'statusLabel', 'extendedFields'],
        from: sql`c, sa`,
        ...ofAccount,
      }),
    },
    {
      name: 'k',
      reads: ['c'],
      insert: jsonInsert({
        table: identityKeys,
        rows: json('keys'),
        set: { orgId, customerId: sql`c.id` },
        fromJson: ['type', 'value'],
        from: sql`c`,
      }),
    },
    { name: 'ch', reads: ['sa'], insert: insertChannels({ account: sql`sa.id`, from: sql`sa`, ...ofAccount }) },
    {
      name: 'au',
      reads: ['c'],
      insert: insertOf(
        'audit_log',
        [
          'org_id',
          'action',
          'outcome',
          'customer_id',
          'request_id',
          'actor_type',
          'actor_code',
          'user_context',
          'details',
        ],
        [
          orgId,
          sql`'customer.register'`,
          sql`'success'`,
          sql`c.id`,
          v('requestId'),
          actorType,
          actorCode,
          json('userContext'),
          json('details'),
        ],
        sql`from c`,
      ),
    },
    historyStep({ customerId: sql`c.id`, from: sql`c`, reads: ['c'] }),
    { name: 'sw', reads: ['c'], insert: insertSearchWords({ customerId: sql`c.id`, from: sql`c` }) },
    ...eventSteps(),
  ];
}

/**
 * A new customer: written only if none of its identity keys is known (`known`, read by the same
 * statement); else nothing is, and the statement answers who they lead to, as findIdentityMatches.
 */
function newCustomerSql(): Statement {
  const customer: Step = {
    name: 'c',
    reads: ['known'],
    returns: 'id bigint',
    insert: insertOf(
      'customers',
      [
        'org_id',
        'status_label_id',
        'loyalty_type',
        'extended_fields',
        'referral_code',
        'registered_till_id',
        'created_by_type',
        'created_by_code',
      ],
      [
        orgId,
        v('statusLabelId'),
        v('loyaltyType'),
        json('extendedFields'),
        v('referralCode'),
        v('registeredTillId'),
        actorType,
        actorCode,
      ],
      sql`where not exists (select from known)`,
      'returning id',
    ),
  };
  const enrollments: Step = {
    name: 'en',
    reads: ['c'],
    insert: jsonInsert({
      table: loyaltyEnrollments,
      rows: json('enrollments'),
      set: { orgId, customerId: sql`c.id` },
      fromJson: ['programId', 'tierNumber', 'points', 'tierExpiryDate', 'pointsExpiryDate'],
      from: sql`c`,
    }),
  };
  const effects: Step = {
    name: 'se',
    reads: ['c'],
    returns: 'id bigint, position integer',
    insert: jsonInsert({
      table: sideEffects,
      rows: json('sideEffects'),
      set: { orgId, customerId: sql`c.id`, beneficiaryCustomerId: sql`coalesce(x."beneficiaryCustomerId", c.id)` },
      fromJson: [
        'position',
        'type',
        'programId',
        'isReferrer',
        'rawValue',
        'currencyIdentifier',
        'currencyName',
        'couponCode',
        'couponType',
        'validTill',
        'description',
        'discountCode',
      ],
      also: { beneficiaryCustomerId: 'bigint' },
      from: sql`c`,
      tail: 'returning id, position',
    }),
  };
  const known: Step = {
    name: 'known',
    returns: 'type text, value text, customer_id bigint, version integer, source text, account_id text',
    query: identityMatchesSql(orgId, json('keys')),
  };
  return statementOfSteps([known, customer, ...accountParts(), enrollments, effects], {
    reads: ['c', 'se', 'known'],
    query: sql`select (select id from c) as customer_id,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'position', position)), '[]'::jsonb) from se) as effects,
      (select jsonb_agg(known) from known) as known`,
  });
}

/**
 * A source account added to an existing customer is a change of it: its version goes up, if the row
 * still has the version the identity was resolved with; else nothing is written (every part reads c).
 */
function existingCustomerSql(): Statement {
  const customer: Step = {
    name: 'c',
    returns: 'id bigint',
    query: sql`update customers set version = version + 1
    where org_id = ${orgId} and id = ${v('existingCustomerId')} and version = ${v('existingVersion')} returning id`,
  };
  return statementOfSteps([customer, ...accountParts()], {
    reads: ['c'],
    query: sql`select (select id from c) as customer_id, '[]'::jsonb as effects, null::jsonb as known`,
  });
}

/** The two statements (exported for the plan test, tests/integration/foreign-key-plans.test.ts, and the snapshots). */
export const registrationStatements = {
  new: newCustomerSql(),
  existing: existingCustomerSql(),
};

/** What a registration statement did. */
type RegistrationOutcome =
  | { kind: 'written'; customerId: number; sideEffectIds: Map<number, number> }
  /** A new customer's keys are known after all: nothing was written; who they lead to. */
  | { kind: 'known'; known: IdentityMatch[] }
  /** The existing customer no longer had the version given: nothing was written. */
  | { kind: 'moved' };

/** The statement's parameters: each table's rows as one JSON array. */
function paramsOf(w: RegistrationWrite) {
  return {
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
    profiles: JSON.stringify(
      w.profiles.map((p) => ({
        source: p.source,
        accountId: p.accountId,
        firstName: p.firstName,
        lastName: p.lastName,
        fields: p.fields,
      })),
    ),
    identifiers: JSON.stringify(
      w.profiles.flatMap((p) => p.identifiers.map((i) => ({ ...i, source: p.source, accountId: p.accountId }))),
    ),
    keys: JSON.stringify(w.keys),
    channels: JSON.stringify(
      w.profiles.flatMap((p) => p.channels.map((c) => ({ ...c, source: p.source, accountId: p.accountId }))),
    ),
    enrollments: JSON.stringify(w.enrollments),
    sideEffects: JSON.stringify(w.sideEffects),
    requestId: w.audit.requestId,
    userContext: w.audit.userContext && JSON.stringify(w.audit.userContext),
    details: JSON.stringify(w.audit.details),
    history: JSON.stringify(w.history),
    searchWords: JSON.stringify(w.searchWords),
  };
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Writes the whole registration in one statement: the customer id and the ids of the side effects by position. */
export async function insertRegistration(db: DbOrTx, w: RegistrationWrite): Promise<RegistrationOutcome> {
  const statement = w.existing ? registrationStatements.existing : registrationStatements.new;
  const [row] = await execStatement<{
    customer_id: string | number | null;
    effects: { id: number | string; position: number }[] | string;
    known: IdentityMatchRow[] | string | null;
  }>(db, statement, paramsOf(w));
  if (!row) throw new Error('registration insert returned no row');
  if (row.customer_id === null) {
    const known = parsed(row.known);
    return known ? { kind: 'known', known: known.map(toIdentityMatch) } : { kind: 'moved' };
  }
  return {
    kind: 'written',
    customerId: Number(row.customer_id),
    sideEffectIds: new Map(parsed(row.effects).map((e) => [e.position, Number(e.id)])),
  };
}
