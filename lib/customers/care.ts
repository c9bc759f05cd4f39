// What the writes after registration share (docs/api.md, "After registration"): the caller and the
// request, the version check, and the attempts with the org's current configuration (changeCustomer):
// first a read and a write guarded by the version read, then a transaction under the row lock.
import type { Db, DbOrTx } from '@/db/client';
import type { HistoryContext } from '@/db/queries/customer-care';
import type { Actor } from '@/lib/auth/actor';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError, type ApiMessage } from '@/lib/errors';
import { canonicalSource, type CustomerLifecycle, type Source } from '@/lib/vocabulary';
import { retryLostRaces, withOrgConfig, type Attempt } from './retry';

export interface CareInput {
  actor: Actor;
  customerId: number;
  body: unknown;
  /** ?source= and ?accountId=: the source account the request is about (see targetAccountOf). */
  source: string | null;
  accountId: string | null;
  /** The versions If-Match accepts; null when the request sent none (the write applies). */
  ifMatch: number[] | null;
  requestId: string;
  userContext: Record<string, string> | null;
}

export interface CareSuccess {
  id: number;
  version: number;
  warnings: ApiMessage[];
}

/** The source account named by ?source= (default INSTORE; unknown: 3217) and ?accountId= ("" when absent). */
export function targetAccountOf(input: Pick<CareInput, 'source' | 'accountId'>): { source: Source; accountId: string } {
  const raw = input.source?.trim() || 'INSTORE';
  const source = canonicalSource(raw);
  if (!source) throw ApiError.of(3217);
  return { source, accountId: input.accountId?.trim() ?? '' };
}

/** 412 when If-Match names versions and the customer's current one is not among them. */
export function checkVersion(current: number, ifMatch: number[] | null): void {
  if (ifMatch !== null && !ifMatch.includes(current)) throw ApiError.of(412);
}

export function historyContextOf(input: CareInput): HistoryContext {
  return {
    actorType: input.actor.type,
    actorCode: input.actor.code,
    requestId: input.requestId,
    userContext: input.userContext,
  };
}

/** A customer merged into another answers 8069 (write to the survivor); one deleted, 8109. */
export function checkWritable(current: { lifecycle: CustomerLifecycle; mergedInto: number | null }): void {
  if (current.lifecycle === 'MERGED') throw ApiError.of(8069, { survivorId: current.mergedInto ?? '' });
  if (current.lifecycle === 'DELETED') throw ApiError.of(8109);
}

/** How a change is written: `optimistic` tries first without a transaction, else every attempt is locked. */
export interface ChangePlan<P, T> {
  /** Validates the body with the org's configuration (throws ApiError): once per configuration. */
  parse: (config: OrgConfig) => P;
  /**
   * One attempt. `locked`: in a transaction, under the customer's row lock (taken by `write`).
   * Otherwise a read, then a write guarded by the version read: `moved` when another change came between.
   */
  write: (db: DbOrTx, config: OrgConfig, parsed: P, locked: boolean) => Promise<Attempt<T>>;
  optimistic: boolean;
}

/**
 * Validates the body once, then writes (retry.ts: lost races, deadlocks and version conflicts are tried
 * again, a configuration refused on a foreign key once afresh). Most changes meet no other writer and
 * cost two round trips unlocked; the others run again under the row lock.
 */
export function changeCustomer<P, T>(db: Db, orgId: number, plan: ChangePlan<P, T>): Promise<T> {
  return withOrgConfig(orgId, (config) => {
    const parsed = plan.parse(config);
    return retryLostRaces((n) =>
      plan.optimistic && n === 1
        ? plan.write(db, config, parsed, false)
        : db.transaction((tx) => plan.write(tx, config, parsed, true)),
    );
  });
}
