// Registers a customer, or adds a source account to an existing one (docs/api.md: identity rules,
// loyalty side effects). Each attempt is one guarded statement, or a transaction under the customer's
// row lock; a lost race is tried again (lib/customers/retry.ts) and then sees the winner.
import type { Db, DbOrTx } from '@/db/client';
import {
  findCustomerIdByReferralCode,
  findIdentityMatches,
  insertRegistration,
  type RegistrationWrite,
} from '@/db/queries/registration';
import { lockCustomer } from '@/db/queries/customer-care';
import type { Actor } from '@/lib/auth/actor';
import { may } from '@/lib/auth/access';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError, warningItem, type ApiMessage } from '@/lib/errors';
import { newReferralCode } from './codes';
import { parseWith } from './org-schema';
import { buildRegistrationSchema } from './registration-schema';
import { resolveIdentity } from './resolve-identity';
import { profileKey } from './history';
import { done, moved, retryLostRaces, withOrgConfig, type Attempt } from './retry';
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

/** Validates against the org's configuration; throws ApiError with every problem at once. */
export function parseRegistration(config: OrgConfig, body: unknown): NormalisedRegistration {
  return parseWith(buildRegistrationSchema(config), body);
}

/** Registers with the org's current configuration (see withOrgConfig). */
export function registerWithCurrentConfig(db: Db, input: Omit<RegisterInput, 'config'>): Promise<RegisterSuccess> {
  return withOrgConfig(input.actor.orgId, (config) => registerCustomer(db, { ...input, config }));
}

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
 * transaction that locks the customer, reads again and writes. The body is parsed once.
 */
export async function registerCustomer(db: Db, input: RegisterInput): Promise<RegisterSuccess> {
  return registerParsed(db, input, parseRegistration(input.config, input.body));
}

/**
 * The identity keys a parsed registration rests on (type and value of each unique identifier): two
 * registrations sharing none cannot affect each other's outcome (bulk registration runs them side by side).
 */
export function identityKeysOf(registration: NormalisedRegistration): string[] {
  return [...uniqueKeysOf(registration).keys()];
}

/** registerCustomer for a body already parsed with `input.config` (parseRegistration). */
export async function registerParsed(
  db: Db,
  input: RegisterInput,
  registration: NormalisedRegistration,
): Promise<RegisterSuccess> {
  refuseLoyaltyDetailsOfClerks(input.actor, registration);
  const keys = uniqueKeysOf(registration);
  const guessNew = registration.referralCode === null;
  return retryLostRaces(
    (n) => {
      const mode = modeOf(n, guessNew);
      return mode === 'locked'
        ? db.transaction((tx) => attemptRegistration(tx, registration, keys, input, mode))
        : attemptRegistration(db, registration, keys, input, mode);
    },
    { firstIsGuess: guessNew },
  );
}

/**
 * Points, tiers and expiries are for admins (docs/api.md, "Access"): a staff member who is not an admin
 * may enrol a customer in a program, at tier 1 with no points and no expiry dates, and nothing more
 * (8150). API clients with customers:write set them as integrations do.
 */
function refuseLoyaltyDetailsOfClerks(actor: Actor, reg: NormalisedRegistration): void {
  if (actor.type !== 'STAFF' || may(actor, 'admin')) return;
  const setsDetails = reg.enrollments.some(
    (e) => e.points !== 0 || e.tierNumber !== 1 || e.tierExpiryDate !== null || e.pointsExpiryDate !== null,
  );
  if (setsDetails) throw ApiError.of(8150);
}

/** Attempt n's mode: the guess first (when the request allows it), then one read-then-write, then locked. */
function modeOf(n: number, guessNew: boolean): Mode {
  const unlocked: Mode[] = guessNew ? ['assume-new', 'read-then-write'] : ['read-then-write'];
  return unlocked[n - 1] ?? 'locked';
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
): Promise<Attempt<RegisterSuccess>> {
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
  if (outcome.kind !== 'known') return outcome;
  // The keys were known after all, and nothing was written. A guess: go on with who they lead to, as
  // read by that statement. A read that is already stale: the next attempt reads again.
  if (mode !== 'assume-new') return moved;
  const again = await decideAndWrite(tx, reg, keys, input, outcome.known);
  return again.kind === 'known' ? moved : again;
}

/** A registration's write: done, moved (the customer changed), or known (the new customer's keys are held). */
type WriteOutcome = Attempt<RegisterSuccess> | { kind: 'known'; known: IdentityMatch[] };

/** What the registration comes to once who its identifiers lead to is known: the customer to add to, if any. */
interface Plan {
  existing: { id: number; version: number } | null;
  warnings: ApiMessage[];
  sideEffects: PlannedSideEffect[];
}

/**
 * Answers or writes the registration as `matches` say who its identifiers lead to: a duplicate or a
 * conflict is thrown; a write that found the world changed wrote nothing.
 */
async function decideAndWrite(
  tx: DbOrTx,
  reg: NormalisedRegistration,
  keys: Keys,
  input: RegisterInput,
  matches: IdentityMatch[],
): Promise<WriteOutcome> {
  const plan = await planRegistration(tx, reg, input.config, matches);
  const written = await insertRegistration(tx, registrationWrite(reg, keys, input, matches, plan));
  if (written.kind !== 'written') return written;
  const { customerId, sideEffectIds } = written;
  return done({
    createdId: customerId,
    warnings: plan.warnings,
    sideEffects: plan.sideEffects.map((e) =>
      toSideEffectItem({
        ...e,
        id: sideEffectIds.get(e.position)!,
        beneficiaryCustomerId: e.beneficiaryCustomerId ?? customerId,
      }),
    ),
  });
}

async function planRegistration(
  tx: DbOrTx,
  reg: NormalisedRegistration,
  config: OrgConfig,
  matches: IdentityMatch[],
): Promise<Plan> {
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
  if (resolution.kind === 'existing') {
    const version = matches.find((m) => m.customerId === resolution.customerId)!.customerVersion;
    warnings.push(warningItem(8050));
    if (reg.hasCustomerLevelDetails) warnings.push(warningItem(8120));
    return { existing: { id: resolution.customerId, version }, warnings, sideEffects: [] };
  }
  let referrerId: number | null = null;
  if (reg.referralCode) {
    referrerId = await findCustomerIdByReferralCode(tx, config.orgId, reg.referralCode.toUpperCase());
    if (referrerId === null) warnings.push(warningItem(8118, { code: reg.referralCode }));
  }
  const sideEffects = reg.loyaltyType === 'loyalty' ? planSideEffects(reg.enrollments, referrerId, config) : [];
  if (!reg.statusLabel && config.defaultStatusLabelId === null) warnings.push(warningItem(8107));
  return { existing: null, warnings, sideEffects };
}

/** The rows the registration's statement writes. */
function registrationWrite(
  reg: NormalisedRegistration,
  keys: Keys,
  input: RegisterInput,
  matches: IdentityMatch[],
  { existing, sideEffects }: Plan,
): RegistrationWrite {
  const { config, actor } = input;
  const known = new Set(matches.map((m) => keyOf(m.type, m.value)));
  return {
    orgId: config.orgId,
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
    enrollments:
      existing !== null
        ? []
        : reg.enrollments.map((e) => ({
            programId: e.program.id,
            tierNumber: e.tierNumber,
            points: e.points,
            tierExpiryDate: e.tierExpiryDate,
            pointsExpiryDate: e.pointsExpiryDate,
          })),
    sideEffects,
    audit: {
      requestId: input.requestId,
      userContext: input.userContext,
      details: { combined: existing !== null, sources: reg.profiles.map(profileKey) },
    },
    history: [
      {
        position: 0,
        action: existing !== null ? 'source.added' : 'customer.registered',
        reason: null,
        changes: reg.profiles.map((p) => ({ path: `profiles.${profileKey(p)}`, before: null, after: profileKey(p) })),
      },
    ],
    searchWords: searchWords(...reg.profiles.flatMap((p) => [p.firstName, p.lastName])),
  };
}
