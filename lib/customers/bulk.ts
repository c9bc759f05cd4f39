// Bulk registration (POST /v2/customers/bulk, docs/api.md): each body is registered by the engine of
// POST /v2/customers on its own (its own statement or transaction: one body's failure writes nothing of
// it), with its own answer. Bodies whose identity keys are disjoint cannot change each other's outcome,
// so they run side by side; a body sharing a key with an earlier one waits for it, so two bodies of the
// same person resolve as two sequential registrations would (the second 8006, or 8050 in another source).
import type { Db } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/errors';
import type { Actor } from '@/lib/auth/actor';
import { ApiError, errorItem, type ApiErrorItem, type ApiMessage } from '@/lib/errors';
import { log, loggableError } from '@/lib/log';
import { getOrgConfig } from '@/lib/config/cache';
import { identityKeysOf, parseRegistration, registerCustomer, registerParsed } from './register';
import { withOrgConfig } from './retry';
import type { NormalisedRegistration } from './types';

export const BULK_MAX = 100;
/** Bodies registered at once (each holds one database connection while it runs). */
const PARALLEL = 4;

export interface BulkResult {
  index: number;
  createdId: number | null;
  warnings: ApiMessage[];
  errors: ApiErrorItem[];
}

export interface BulkInput {
  actor: Actor;
  bodies: unknown[];
  /** The request id each body's audit record carries. */
  requestId: string | ((index: number) => string);
  userContext: Record<string, string> | null;
  /** Bodies registered at once (1 inside a transaction: it has one connection). */
  parallel?: number;
}

/** Registers every body, in order of the answers; throws 9601 for a count outside 1–BULK_MAX. */
export async function registerBulk(db: Db, input: BulkInput): Promise<BulkResult[]> {
  const { bodies } = input;
  if (bodies.length < 1 || bodies.length > BULK_MAX) {
    throw ApiError.of(9601, { max: BULK_MAX, count: bodies.length });
  }
  return registerInOrder(db, input);
}

/**
 * Registers any number of bodies as registerBulk does, each with its own answer (imports run their
 * chunks of rows through it).
 */
export async function registerInOrder(db: Db, input: BulkInput): Promise<BulkResult[]> {
  const { bodies } = input;
  const requestIdOf = (index: number) =>
    typeof input.requestId === 'string' ? input.requestId : input.requestId(index);
  const config = await getOrgConfig(input.actor.orgId);
  if (!config) throw ApiError.of(401);
  const lastByKey = new Map<string, Promise<unknown>>();
  const slots = limiter(input.parallel ?? PARALLEL);
  // Parsed and ordered before any runs: a body waits for every earlier body sharing one of its keys.
  const runs = bodies.map(async (body, index): Promise<BulkResult> => {
    const requestId = requestIdOf(index);
    const registerInput = {
      config,
      actor: input.actor,
      body,
      requestId,
      userContext: input.userContext,
    };
    let registration: NormalisedRegistration;
    try {
      registration = parseRegistration(config, body);
    } catch (err) {
      return { index, createdId: null, warnings: [], errors: failureItems(err, requestId) };
    }
    const keys = identityKeysOf(registration);
    const before = keys.flatMap((k) => lastByKey.get(k) ?? []);
    let release: () => void = () => {};
    const settled = new Promise<void>((resolve) => (release = resolve));
    for (const k of keys) lastByKey.set(k, settled);
    try {
      await Promise.all(before);
      // The first run with the configuration parsed by; a foreign key refused (a label, series or tier
      // removed by another process) runs again with the configuration read afresh, as POST /v2/customers.
      const ok = await slots(() =>
        withOrgConfig(input.actor.orgId, (current) =>
          current === config
            ? registerParsed(db, registerInput, registration)
            : registerCustomer(db, { ...registerInput, config: current }),
        ),
      );
      return { index, createdId: ok.createdId, warnings: ok.warnings, errors: [] };
    } catch (err) {
      return { index, createdId: null, warnings: [], errors: failureItems(err, requestId) };
    } finally {
      release();
    }
  });
  return Promise.all(runs);
}

/** A body's failure as its answer's errors; anything but a refusal is logged and answered as 500. */
function failureItems(err: unknown, requestId: string): ApiErrorItem[] {
  if (err instanceof ApiError) return err.items;
  if (isDatabaseUnavailable(err)) return [errorItem(503)];
  log.error({ err: loggableError(err), requestId }, 'bulk registration body failed');
  return [errorItem(500, { requestId })];
}

/** Runs at most `n` of the functions given at once, in the order given. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
