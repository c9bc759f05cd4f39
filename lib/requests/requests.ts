// Requests under maker-checker (docs/api.md, "Requests"): a merge of two customers, or the deletion of
// a customer's personal data, created by one person and approved by another (or on creation, where the
// org says so). Every decision is one transaction with its customer history entry, its event
// (requestDecided, through the outbox) and its admin log entry; an approved merge runs in that same
// transaction, under both customers' row locks.
import type { Db, DbOrTx } from '@/db/client';
import type { HistoryChange } from '@/db/schema';
import { pgErrorCode, UNIQUE_VIOLATION } from '@/db/errors';
import { notifyErasure } from '@/db/queries/erasure';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import type { HistoryContext } from '@/db/queries/customer-care';
import {
  customerStates,
  insertRequest,
  listRequests,
  readRequest,
  setCustomerLifecycle,
  updateRequest,
  writeHistory,
  type RequestRow,
} from '@/db/queries/requests';
import type { Actor } from '@/lib/auth/actor';
import { may } from '@/lib/auth/access';
import { getOrgConfig } from '@/lib/config/cache';
import type { OrgConfig } from '@/lib/config/types';
import { lookupCustomerId, getCustomer } from '@/lib/customers/read';
import type { CustomerView } from '@/lib/customers/views';
import { ApiError, type ApiErrorItem, type ApiMessage } from '@/lib/errors';
import { canonicalIdentifierType, canonicalSource, type RequestBaseType, type RequestStatus } from '@/lib/vocabulary';
import { lockPair, mergeBlockers, mergeCustomers, unmergeCustomers, UNMERGE_DAYS, type MergePair } from './merge';
import type { CreateRequestBody, DecideRequestBody, RequestView } from './schemas';

/** Who acts, from which request. */
export interface RequestActor {
  actor: Actor;
  requestId: string;
  userContext: Record<string, string> | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function contextOf(a: RequestActor): HistoryContext {
  return { actorType: a.actor.type, actorCode: a.actor.code, requestId: a.requestId, userContext: a.userContext };
}

async function configOf(orgId: number): Promise<OrgConfig> {
  const config = await getOrgConfig(orgId);
  if (!config) throw ApiError.of(401);
  return config;
}

export function requestView(row: RequestRow, preview: RequestView['preview'] = null): RequestView {
  return {
    id: row.id,
    type: row.type,
    baseType: row.baseType,
    status: row.status,
    victimId: row.victimId,
    survivorId: row.survivorId,
    customerId: row.customerId,
    createdBy: { type: row.createdByType, code: row.createdByCode },
    decidedBy: row.decidedByType ? { type: row.decidedByType, code: row.decidedByCode ?? '' } : null,
    comments: row.comments,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    completedAt: iso(row.completedAt),
    dueAt: iso(row.dueAt),
    unmergedAt: iso(row.unmergedAt),
    preview,
    failure: row.failure ? (JSON.parse(row.failure) as ApiErrorItem[]) : null,
  };
}

/** The customers a request is about: a merge's survivor first, then its victim; a deletion's customer. */
const partiesOf = (r: RequestRow): number[] =>
  r.baseType === 'MERGE' ? [r.survivorId!, r.victimId!] : [r.customerId!];

// --- Create ---

async function deleteTargetOf(db: DbOrTx, config: OrgConfig, body: Extract<CreateRequestBody, { baseType: 'DELETE' }>) {
  if (body.customerId !== undefined) return body.customerId;
  const info = body.customerIdentificationInfo!;
  const type = canonicalIdentifierType(info.identifierType);
  if (!type)
    throw ApiError.of(8121, { type: info.identifierType }, { field: 'customerIdentificationInfo.identifierType' });
  const source = info.source ? canonicalSource(info.source) : undefined;
  if (source === null) throw ApiError.of(3217, undefined, { field: 'customerIdentificationInfo.source' });
  const id = await lookupCustomerId(db, config, { type, value: info.identifierValue, source });
  if (id === null) throw ApiError.of(8015);
  return id;
}

/**
 * Creates a request. Approved on creation when the org auto-approves its base type, or when the caller
 * asks (`client_auto_approve=true`) and may approve requests; a merge then runs at once.
 */
export async function createRequest(
  db: Db,
  who: RequestActor,
  body: CreateRequestBody,
  { clientAutoApprove = false } = {},
): Promise<{ request: RequestView; warnings: ApiMessage[] }> {
  const orgId = who.actor.orgId;
  const config = await configOf(orgId);
  // The flag counts only for a caller who may approve; for anyone else the request waits for a checker.
  const autoApprove =
    (clientAutoApprove && may(who.actor, 'requests:approve')) || config.requests.autoApprove[body.baseType];
  let created: RequestRow;
  try {
    created = await db.transaction(async (tx) => {
      let row: Omit<Parameters<typeof insertRequest>[1], 'orgId' | 'createdByType' | 'createdByCode' | 'comments'>;
      if (body.baseType === 'MERGE') {
        const pair = { orgId, victimId: body.victimId, survivorId: body.survivorId };
        const blockers = await mergeBlockers(
          tx,
          pair,
          await customerStates(tx, orgId, [pair.victimId, pair.survivorId]),
        );
        if (blockers.length) throw new ApiError(blockers);
        row = { type: body.type, baseType: 'MERGE', victimId: body.victimId, survivorId: body.survivorId };
      } else {
        const customerId = await deleteTargetOf(tx, config, body);
        const states = await customerStates(tx, orgId, [customerId]);
        const state = states.get(customerId);
        if (!state) throw ApiError.of(9042, { id: customerId }, { field: 'customerId' });
        if (state.lifecycle === 'MERGED') throw ApiError.of(8069, { survivorId: state.mergedInto! });
        if (state.lifecycle !== 'ACTIVE') throw ApiError.of(8109);
        row = { type: body.type, baseType: 'DELETE', customerId };
      }
      const request = await insertRequest(tx, {
        orgId,
        ...row,
        createdByType: who.actor.type,
        createdByCode: who.actor.code,
        comments: body.comments ?? null,
      });
      if (!autoApprove) return request;
      return approve(tx, who, config, request, body.comments ?? null);
    });
  } catch (err) {
    // The open-request indexes hold "one open request per victim, per deleted customer" under races.
    if (pgErrorCode(err) === UNIQUE_VIOLATION)
      throw body.baseType === 'MERGE' ? ApiError.of(9018, { id: body.victimId }) : ApiError.of(8109);
    throw err;
  }
  return { request: requestView(created), warnings: [] };
}

// --- Decide ---

/** Which decisions each status allows; APPROVED → CANCELLED only for a deletion not run yet. */
const NEXT: Record<RequestStatus, RequestStatus[]> = {
  PENDING: ['APPROVED', 'REJECTED', 'CANCELLED'],
  REJECTED: ['PENDING'],
  APPROVED: ['CANCELLED'],
  PROCESSING: [],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};

/**
 * Decides a request. Deciding needs requests:approve, but for one decision: the maker of a pending
 * request may cancel it without (403 for anyone else without it; before the request is read for any
 * other decision).
 */
export async function decideRequest(
  db: Db,
  who: RequestActor,
  id: number,
  body: DecideRequestBody,
): Promise<RequestView> {
  const orgId = who.actor.orgId;
  const next = body.status;
  const approver = may(who.actor, 'requests:approve');
  if (!approver && next !== 'CANCELLED') throw ApiError.of(403);
  const config = await configOf(orgId);
  const outcome = await db.transaction(async (tx) => {
    const request = await readRequest(tx, { orgId, id }, { lock: true });
    if (!request) throw ApiError.of(9050);
    const isMaker = request.createdByType === who.actor.type && request.createdByCode === who.actor.code;
    if (!NEXT[request.status].includes(next) || (request.status === 'APPROVED' && request.baseType !== 'DELETE'))
      throw ApiError.of(9072, { status: request.status, next });
    if (!approver && !(isMaker && request.status === 'PENDING')) throw ApiError.of(403);
    if (next === 'APPROVED') {
      if (isMaker && !config.requests.autoApprove[request.baseType]) throw ApiError.of(9071);
      return approve(tx, who, config, request, body.comments ?? null);
    }
    const decided = await updateRequest(
      tx,
      { orgId, id },
      {
        status: next,
        decidedByType: who.actor.type,
        decidedByCode: who.actor.code,
        decidedAt: new Date(),
        comments: body.comments ?? request.comments,
      },
    );
    // A deletion cancelled before its erasure ran: the customer is as before.
    if (request.status === 'APPROVED' && request.baseType === 'DELETE')
      await setLifecycle(tx, orgId, request.customerId!, 'ACTIVE');
    await recordDecision(tx, who, request, next, body.comments ?? null);
    return decided;
  });
  return requestView(outcome);
}

async function setLifecycle(tx: DbOrTx, orgId: number, customerId: number, lifecycle: 'ACTIVE' | 'PENDING_DELETION') {
  await setCustomerLifecycle(tx, { orgId, customerId, lifecycle });
}

/** The decision in each customer's history (with its requestDecided event) and in the admin log. */
async function recordDecision(
  tx: DbOrTx,
  who: RequestActor,
  request: RequestRow,
  next: RequestStatus,
  comments: string | null,
): Promise<void> {
  const orgId = who.actor.orgId;
  for (const customerId of partiesOf(request))
    await writeHistory(tx, { orgId, customerId }, contextOf(who), [
      {
        action: 'request.decided',
        reason: comments,
        changes: [{ path: `requests.${request.id}.status`, before: request.status, after: next }],
      },
    ]);
  await insertAdminLogEntry(tx, orgId, {
    action: 'request.decide',
    requestId: who.requestId,
    actorType: who.actor.type,
    actorCode: who.actor.code,
    target: `request:${request.id}`,
    changes: [{ path: 'status', before: request.status, after: next }],
  });
}

/**
 * Approves: a merge runs now (COMPLETED; FAILED with its blockers when something stops it now), a
 * deletion is scheduled (the customer "Pending deletion", the erasure due after piiDeleteAfterDays).
 */
async function approve(
  tx: DbOrTx,
  who: RequestActor,
  config: OrgConfig,
  request: RequestRow,
  comments: string | null,
): Promise<RequestRow> {
  const orgId = config.orgId;
  const key = { orgId, id: request.id };
  const decided = {
    decidedByType: who.actor.type,
    decidedByCode: who.actor.code,
    decidedAt: new Date(),
    comments: comments ?? request.comments,
  };
  if (request.baseType === 'DELETE') {
    const dueAt = new Date(Date.now() + config.requests.piiDeleteAfterDays * 86_400_000);
    await setLifecycle(tx, orgId, request.customerId!, 'PENDING_DELETION');
    await recordDecision(tx, who, request, 'APPROVED', comments);
    await notifyErasure(tx);
    return updateRequest(tx, key, { ...decided, status: 'APPROVED', dueAt });
  }
  const pair: MergePair = { orgId, victimId: request.victimId!, survivorId: request.survivorId! };
  const states = await lockPair(tx, pair);
  const blockers = await mergeBlockers(tx, pair, states, { ignoreRequestId: request.id });
  if (blockers.length) {
    await recordDecision(tx, who, request, 'FAILED', comments);
    return updateRequest(tx, key, { ...decided, status: 'FAILED', failure: JSON.stringify(blockers) });
  }
  await recordDecision(tx, who, request, 'COMPLETED', comments);
  await mergeCustomers(tx, pair, request.id, contextOf(who), `request ${request.id}`);
  return updateRequest(tx, key, { ...decided, status: 'COMPLETED', completedAt: new Date() });
}

// --- Unmerge ---

export async function unmergeRequest(db: Db, who: RequestActor, id: number): Promise<RequestView> {
  const orgId = who.actor.orgId;
  const row = await db.transaction(async (tx) => {
    const request = await readRequest(tx, { orgId, id }, { lock: true });
    if (!request) throw ApiError.of(9050);
    if (request.baseType !== 'MERGE' || request.status !== 'COMPLETED' || request.unmergedAt)
      throw ApiError.of(9072, { status: request.unmergedAt ? 'undone' : request.status, next: 'unmerged' });
    if (Date.now() - request.completedAt!.getTime() > UNMERGE_DAYS * 86_400_000) throw ApiError.of(9082);
    const pair: MergePair = { orgId, victimId: request.victimId!, survivorId: request.survivorId! };
    const states = await lockPair(tx, pair);
    if ([...states.values()].some((c) => c.lifecycle === 'DELETED' || c.lifecycle === 'PENDING_DELETION'))
      throw ApiError.of(8109);
    await unmergeCustomers(tx, pair, request.id, contextOf(who));
    await insertAdminLogEntry(tx, orgId, {
      action: 'request.unmerge',
      requestId: who.requestId,
      actorType: who.actor.type,
      actorCode: who.actor.code,
      target: `request:${request.id}`,
      changes: [{ path: 'unmerged', before: false, after: true }],
    });
    return updateRequest(tx, { orgId, id }, { unmergedAt: new Date() });
  });
  return requestView(row);
}

// --- Read ---

/** One request; a pending merge with its preview (what would move, what stops it now), as the merge preview. */
export async function getRequest(db: Db, who: RequestActor, id: number): Promise<RequestView> {
  const row = await readRequest(db, { orgId: who.actor.orgId, id });
  if (!row) throw ApiError.of(9050);
  if (row.baseType !== 'MERGE' || row.status !== 'PENDING') return requestView(row);
  const pair = { victimId: row.victimId!, survivorId: row.survivorId! };
  return requestView(row, await previewMerge(db, who, pair, { ignoreRequestId: row.id }));
}

export async function listOrgRequests(
  db: Db,
  orgId: number,
  q: { status?: RequestStatus; baseType?: RequestBaseType; customerId?: number; limit?: number },
): Promise<RequestView[]> {
  const rows = await listRequests(db, { orgId, ...q, limit: q.limit ?? 50 });
  return rows.map((r) => requestView(r));
}

// --- Preview ---

/** Ends the preview's transaction, rolled back, with what it found. */
class Rollback extends Error {
  constructor(readonly preview: MergePreview) {
    super('merge preview rolled back');
  }
}

export interface MergePreview {
  /** The survivor as the merge would leave it; null when something blocks the merge. */
  customer: CustomerView | null;
  blockers: ApiErrorItem[];
  /** What would move: the survivor's `customer.merged` changes, and how many history entries. */
  changes: HistoryChange[];
  historyEntries: number;
}

/**
 * The survivor as the merge would leave it, what would move, and everything that stops the merge now.
 * The merge is run in a transaction that is then rolled back: the preview is the merge itself, not a
 * second copy of it. `ignoreRequestId`: the pending request the preview is of (its own open request
 * does not block it).
 */
export async function previewMerge(
  db: Db,
  who: RequestActor,
  pair: { victimId: number; survivorId: number },
  { ignoreRequestId }: { ignoreRequestId?: number } = {},
): Promise<MergePreview> {
  const orgId = who.actor.orgId;
  const p = { orgId, ...pair };
  const states = await customerStates(db, orgId, [p.victimId, p.survivorId]);
  const blockers = await mergeBlockers(db, p, states, { ignoreRequestId });
  if (blockers.length) return { customer: null, blockers, changes: [], historyEntries: 0 };
  try {
    await db.transaction(async (tx) => {
      await lockPair(tx, p);
      const outcome = await mergeCustomers(tx, p, null, contextOf(who), null);
      throw new Rollback({
        customer: await getCustomer(tx, orgId, p.survivorId),
        blockers: [],
        changes: outcome.survivorChanges,
        historyEntries: outcome.historyMoved,
      });
    });
  } catch (err) {
    if (err instanceof Rollback) return err.preview;
    throw err;
  }
  throw new Error('the merge preview was not rolled back');
}

/** What the customer page says of the requests: merges into the customer (undoable or not), its erasure. */
export interface CustomerRequestFacts {
  merges: { requestId: number; victimId: number; completedAt: string; undoable: boolean }[];
  deletedAt: string | null;
}

export async function customerRequestFacts(db: Db, orgId: number, customerId: number): Promise<CustomerRequestFacts> {
  const rows = await listOrgRequests(db, orgId, { customerId, status: 'COMPLETED', limit: 50 });
  const undoableSince = Date.now() - UNMERGE_DAYS * 86_400_000;
  return {
    merges: rows
      .filter((r) => r.baseType === 'MERGE' && r.survivorId === customerId && !r.unmergedAt)
      .map((r) => ({
        requestId: r.id,
        victimId: r.victimId!,
        completedAt: r.completedAt!,
        undoable: new Date(r.completedAt!).getTime() > undoableSince,
      })),
    deletedAt: rows.find((r) => r.baseType === 'DELETE' && r.customerId === customerId)?.completedAt ?? null,
  };
}
