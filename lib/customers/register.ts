// Registers a customer, or adds a source account to an existing one (docs/api.md: identity rules,
// loyalty side effects).
// One transaction per attempt; a lost race (unique violation) is retried and then sees the winner.
import type { Db, DbOrTx } from '@/db/client';
import { FOREIGN_KEY_VIOLATION, isRetryable, LOCK_NOT_AVAILABLE, pgErrorCode } from '@/db/errors';
import {
  findCustomerIdByReferralCode,
  findIdentityMatches,
  insertRegistration,
  type RegistrationWrite,
} from '@/db/queries/registration';
import { lockCustomer } from '@/db/queries/customer-care';
import type { Actor } from '@/lib/auth/actor';
import { getOrgConfig, invalidateOrgConfig } from '@/lib/config/cache';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError, warningItem, type ApiMessage } from '@/lib/errors';
import { newReferralCode } from './codes';
import { issuesToErrors } from './issues';
import { buildRegistrationSchema } from './registration-schema';
import { resolveIdentity } from './resolve-identity';
import { profileKey } from './history';
import { searchWords } from './search-text';
import { planSideEffects, toSideEffectItem } from './side-effects';
import type { IdentityMatch, NormalisedRegistration, PlannedSideEffect } from './types';
import type { SideEffectItem as SideEffect } from './views';

export interface RegisterInput {
  config: OrgConfig;
  actor: Actor;
  body: unknown;
  requestId: string;
  userContext: Record<string, string> | null;
}

export interface RegisterSuccess {
  createdId: number;
  warnings: ApiMessage[];
  sideEffects: SideEffect[];
}

const MAX_ATTEMPTS = 8;

/** Validates against the org's configuration; throws ApiError with every problem at once. */
export function parseRegistration(config: OrgConfig, body: unknown): NormalisedRegistration {
  const parsed = buildRegistrationSchema(config).safeParse(body);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

/** Registers with the org's current configuration (see retryWithFreshConfig). */
export function registerWithCurrentConfig(db: Db, input: Omit<RegisterInput, 'config'>): Promise<RegisterSuccess> {
  return retryWithFreshConfig(input.actor.orgId, (config) => registerCustomer(db, { ...input, config }));
}

/**
 * Runs `register` with the org's cached configuration. Another process may have just removed a status
 * label, card series or tier this process still has cached: the write then fails on a foreign key,
 * and one more try with the configuration read afresh answers the proper error (8086, 8114, 8113).
 */
async function retryWithFreshConfig<T>(orgId: number, register: (config: OrgConfig) => Promise<T>): Promise<T> {
  for (let fresh = false; ; fresh = true) {
    const config = await getOrgConfig(orgId);
    if (!config) throw ApiError.of(401);
    try {
      return await register(config);
    } catch (err) {
      if (fresh || pgErrorCode(err) !== FOREIGN_KEY_VIOLATION) throw err;
      invalidateOrgConfig(orgId);
    }
  }
}

/** The existing customer changed between the identity read and the write: nothing was written. */
class CustomerMoved extends Error {}

/** How an attempt reads who the identifiers belong to (see registerCustomer). */
type Mode = 'assume-new' | 'read-then-write' | 'locked';

/**
 * Most registrations are of new people. So the first attempt assumes so: one statement, a transaction
 * of its own, that writes the new customer only if none of its identity keys is known, and otherwise
 * says who they lead to (a duplicate is answered from that; a source account for a known customer is
 * then written by a second statement). A write to a known customer applies only if the customer still
 * has the version read. A later attempt (the first for requests that must read first, such as a
 * referral code) reads who the identifiers belong to, then writes the same way. Only when a customer
 * changed in between, or a race for a new identifier was lost, more than once, does the full path run: a
 * transaction that locks the customer, reads again and writes.
 */
export async function registerCustomer(db: Db, input: RegisterInput): Promise<RegisterSuccess> {
  const registration = parseRegistration(input.config, input.body);
  const keys = uniqueKeysOf(registration);
  const guessNew = registration.referralCode === null;
  return retryLostRaces(guessNew, (attempt) => {
    const mode: Mode =
      attempt === 1 && guessNew ? 'assume-new' : attempt <= (guessNew ? 2 : 1) ? 'read-then-write' : 'locked';
    return mode === 'locked'
      ? db.transaction((tx) => attemptRegistration(tx, registration, keys, input, mode))
      : attemptRegistration(db, registration, keys, input, mode);
  });
}

/**
 * Runs `attempt` again while it loses a race to another registration of the same identifiers (a
 * unique violation, deadlock or serialization failure) or finds the customer changed since it read it:
 * the next attempt sees the winner's rows. After MAX_ATTEMPTS, or when the identifiers' locks are not
 * had in time, answers 521. When the first attempt was a guess (`firstIsGuess`: the customer is new),
 * its failure is no contention and the next attempt runs at once; later ones back off a little.
 */
async function retryLostRaces<T>(firstIsGuess: boolean, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (pgErrorCode(err) === LOCK_NOT_AVAILABLE) throw ApiError.of(521);
      if (!isRetryable(err) && !(err instanceof CustomerMoved)) throw err;
      if (n >= MAX_ATTEMPTS) throw ApiError.of(521);
      if (!(n === 1 && firstIsGuess)) await new Promise((r) => setTimeout(r, Math.random() * 10 * n));
    }
  }
}

/** The JSON path of the first identifier that led to an existing customer, for the form to mark. */
function matchedIdentifierPath(
  reg: NormalisedRegistration,
  matches: IdentityMatch[],
  customerId: number,
): string | undefined {
  for (const [p, profile] of reg.profiles.entries()) {
    const hit = profile.identifiers.find((i) =>
      matches.some((m) => m.customerId === customerId && m.type === i.type && m.value === i.value),
    );
    if (hit) return `profiles[${p}].identifiers[${hit.requestIndex}].value`;
  }
  return undefined;
}

const keyOf = (type: string, value: string) => `${type}\u0000${value}`;

/** The request's unique identifiers by type and value. */
type Keys = Map<string, { type: string; value: string }>;

/** The request's unique identifiers, once each: what identity rests on. */
function uniqueKeysOf(reg: NormalisedRegistration): Keys {
  const keys: Keys = new Map();
  for (const p of reg.profiles) {
    for (const i of p.identifiers) if (i.unique) keys.set(keyOf(i.type, i.value), { type: i.type, value: i.value });
  }
  return keys;
}

/**
 * Who the identifiers lead to, read again under the row lock of the customer they lead to: a customer's
 * identifiers change only under that lock (changeIdentifier takes it), so an identifier removed between
 * the first read and the lock is seen as gone, and cannot be added back to the customer without its
 * identity key. Locks are taken in one order (customer, then keys) by every writer.
 */
async function matchesUnderLock(
  tx: DbOrTx,
  orgId: number,
  reg: NormalisedRegistration,
  keys: Keys,
): Promise<IdentityMatch[]> {
  const list = [...keys.values()];
  let locked: number | null = null;
  let matches = await findIdentityMatches(tx, orgId, list);
  // Each turn locks one more customer; identifiers moving on between several customers at once is
  // contention like any other. The lock and the read after it are sent together: the read starts once
  // the lock is had, so it sees what the lock's last holder committed.
  for (let turn = 0; turn < 4; turn++) {
    const resolution = resolveIdentity(reg.profiles, matches);
    if (resolution.kind !== 'existing' || resolution.customerId === locked) return matches;
    locked = resolution.customerId;
    [, matches] = await Promise.all([
      lockCustomer(tx, { orgId, customerId: locked }),
      findIdentityMatches(tx, orgId, list),
    ]);
  }
  throw ApiError.of(521);
}

async function attemptRegistration(
  tx: DbOrTx,
  reg: NormalisedRegistration,
  keys: Keys,
  input: RegisterInput,
  mode: Mode,
): Promise<RegisterSuccess> {
  const orgId = input.config.orgId;
  // Who the identifiers lead to: nobody (the guess), as of now (the write then checks the customer's
  // version), or as of now under the customer's row lock.
  const matches =
    mode === 'assume-new'
      ? []
      : mode === 'locked'
        ? await matchesUnderLock(tx, orgId, reg, keys)
        : await findIdentityMatches(tx, orgId, [...keys.values()]);
  const outcome = await decideAndWrite(tx, reg, keys, input, matches);
  if (!('known' in outcome)) return outcome;
  // The keys were known after all, and nothing was written. A guess: go on with who they lead to, as
  // read by that statement. A read that is already stale: read again.
  if (mode !== 'assume-new' || outcome.known === null) throw new CustomerMoved();
  const again = await decideAndWrite(tx, reg, keys, input, outcome.known);
  if ('known' in again) throw new CustomerMoved();
  return again;
}

/**
 * Answers or writes the registration as `matches` say who its identifiers lead to: a duplicate or a
 * conflict is thrown; a write that found the world changed (`known`) wrote nothing.
 */
async function decideAndWrite(
  tx: DbOrTx,
  reg: NormalisedRegistration,
  keys: Keys,
  input: RegisterInput,
  matches: IdentityMatch[],
): Promise<RegisterSuccess | { known: IdentityMatch[] | null }> {
  const { config, actor } = input;
  const orgId = config.orgId;
  const resolution = resolveIdentity(reg.profiles, matches);
  if (resolution.kind === 'exists-in-source') {
    throw ApiError.of(
      8006,
      { id: resolution.customerId },
      { field: matchedIdentifierPath(reg, matches, resolution.customerId) },
    );
  }
  if (resolution.kind === 'conflict') throw ApiError.of(8052, { ids: resolution.customerIds.join(', ') });

  const warnings = [...reg.warnings];
  const existing =
    resolution.kind === 'existing'
      ? {
          id: resolution.customerId,
          version: matches.find((m) => m.customerId === resolution.customerId)!.customerVersion,
        }
      : null;
  let sideEffects: PlannedSideEffect[] = [];
  let referrerId: number | null = null;
  if (existing !== null) {
    warnings.push(warningItem(8050));
    if (reg.hasCustomerLevelDetails) warnings.push(warningItem(8120));
  } else {
    if (reg.referralCode) {
      referrerId = await findCustomerIdByReferralCode(tx, orgId, reg.referralCode.toUpperCase());
      if (referrerId === null) warnings.push(warningItem(8118, { code: reg.referralCode }));
    }
    if (reg.loyaltyType === 'loyalty') sideEffects = planSideEffects(reg.enrollments, referrerId, config);
    if (!reg.statusLabel && config.defaultStatusLabelId === null) warnings.push(warningItem(8107));
  }

  const known = new Set(matches.map((m) => keyOf(m.type, m.value)));
  const write: RegistrationWrite = {
    orgId,
    existing,
    customer: {
      statusLabelId: reg.statusLabel?.id ?? config.defaultStatusLabelId,
      loyaltyType: reg.loyaltyType,
      extendedFields: reg.extendedFields,
      referralCode: newReferralCode(),
      registeredTillId: reg.associatedTill?.id ?? (actor.type === 'TILL' ? actor.tillId : null),
    },
    actor: { type: actor.type, code: actor.code },
    profiles: reg.profiles,
    keys: [...keys.entries()].filter(([k]) => !known.has(k)).map(([, v]) => v),
    // A non-loyalty registration has none: normalisation dropped them (8124).
    enrollments: existing !== null ? [] : reg.enrollments,
    sideEffects,
    audit: {
      requestId: input.requestId,
      userContext: input.userContext,
      details: {
        combined: existing !== null,
        sources: reg.profiles.map(profileKey),
      },
    },
    historyChanges: reg.profiles.map((p) => ({
      path: `profiles.${profileKey(p)}`,
      before: null,
      after: profileKey(p),
    })),
    searchWords: searchWords(...reg.profiles.flatMap((p) => [p.firstName, p.lastName])),
  };
  const written = await insertRegistration(tx, write);
  if (!written.written) return { known: written.known };
  const { customerId, sideEffectIds } = written;
  return {
    createdId: customerId,
    warnings,
    sideEffects: sideEffects.map((e) =>
      toSideEffectItem({
        ...e,
        id: sideEffectIds.get(e.position)!,
        beneficiaryCustomerId: e.beneficiaryCustomerId ?? customerId,
      }),
    ),
  };
}
