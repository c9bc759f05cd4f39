// POST /v2/customers/{id}/changeIdentifier: add, remove and replace the identifiers of one source
// account (docs/api.md, "Change identifiers"). Values are validated as at registration; who owns a
// unique identifier is decided by the identity keys' primary key, never by a read in JavaScript.
import type { Db, DbOrTx } from '@/db/client';
import {
  claimIdentityKey,
  deleteIdentifiers,
  insertIdentifiers,
  listIdentifiersOfAccount,
  lockCustomer,
  readForChange,
  releaseIdentityKey,
  writeCustomerChange,
} from '@/db/queries/customer-care';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError, errorItem, warningItem, type ApiErrorItem } from '@/lib/errors';
import { buildIdentifierChangeSchema } from './care-schema';
import {
  changeCustomer,
  checkVersion,
  checkWritable,
  historyContextOf,
  targetAccountOf,
  type CareInput,
  type CareSuccess,
} from './care';
import { profileKey, type PendingEntry } from './history';
import type { NormalisedIdentifierChange } from './normalise-care';
import { parseWith } from './org-schema';
import { done, type Attempt } from './retry';

/** Every attempt is a transaction under the customer's row lock. */
export function changeIdentifiers(db: Db, input: CareInput): Promise<CareSuccess> {
  return changeCustomer(db, input.actor.orgId, {
    parse: (config) => parseWith(buildIdentifierChangeSchema(config), input.body),
    write: (tx, config, change) => applyChange(tx, config, input, change),
    optimistic: false,
  });
}

const keyOf = (i: { type: string; value: string }) => `${i.type}\u0000${i.value}`;

async function applyChange(
  tx: DbOrTx,
  config: OrgConfig,
  input: CareInput,
  change: NormalisedIdentifierChange,
): Promise<Attempt<CareSuccess>> {
  const orgId = config.orgId;
  const key = { orgId, customerId: input.customerId };
  const target = targetAccountOf(input);
  // The lock and the read travel together; the read runs once the lock is had.
  const [, current] = await Promise.all([lockCustomer(tx, key), readForChange(tx, { ...key, ...target })]);
  if (!current) throw ApiError.of(8015);
  checkWritable(current);
  checkVersion(current.version, input.ifMatch);
  const account = current.account;
  if (!account) throw ApiError.of(8128, { source: profileKey(target) });
  const sourceAccountId = account.id;

  const held = await listIdentifiersOfAccount(tx, { orgId, sourceAccountId });
  const heldKeys = new Set(held.map(keyOf));
  const missing: ApiErrorItem[] = change.remove
    .filter((r) => !heldKeys.has(keyOf(r)))
    .map((r) => errorItem(8133, { type: r.type, value: r.value }, `remove[${r.requestIndex}].value`));
  if (missing.length) throw new ApiError(missing);

  const removedKeys = new Set(change.remove.map(keyOf));
  const remaining = held.filter((h) => !removedKeys.has(keyOf(h)));
  const remainingKeys = new Set(remaining.map(keyOf));
  const warnings = [...change.warnings];
  const added = change.add.filter((a) => {
    if (!remainingKeys.has(keyOf(a))) return true;
    warnings.push(warningItem(8132, { type: a.type, value: a.value }));
    return false;
  });
  if (remaining.length + added.length === 0) throw ApiError.of(8134, undefined, { field: 'remove' });
  if (!added.length && !change.remove.length) return done({ id: input.customerId, version: current.version, warnings });

  // Removed first: a removed identifier is free at once, for this request's additions too.
  await deleteIdentifiers(tx, { orgId, sourceAccountId, list: change.remove });
  for (const r of change.remove)
    if (config.uniqueIdentifierTypes.includes(r.type))
      await releaseIdentityKey(tx, { ...key, type: r.type, value: r.value });

  // Claimed in one order (type, value), so two requests claiming the same new values never deadlock.
  const conflicts: ApiErrorItem[] = [];
  const claims = added.filter((a) => a.unique).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  for (const a of claims) {
    const holder = await claimIdentityKey(tx, { orgId, type: a.type, value: a.value, customerId: input.customerId });
    if (holder !== input.customerId)
      conflicts.push(errorItem(8131, { type: a.type, value: a.value, id: holder }, `add[${a.requestIndex}].value`));
  }
  if (conflicts.length) throw new ApiError(conflicts.sort((x, y) => (x.field! < y.field! ? -1 : 1)));

  const next = Math.max(-1, ...held.map((h) => h.position)) + 1;
  await insertIdentifiers(
    tx,
    added.map((a, i) => ({
      orgId,
      sourceAccountId,
      customerId: input.customerId,
      type: a.type,
      value: a.value,
      position: next + i,
      seriesId: a.seriesId,
      statusLabel: a.statusLabel,
      extendedFields: a.extendedFields,
    })),
  );
  const version = await writeCustomerChange(tx, key, {
    expectedVersion: current.version,
    set: {},
    context: historyContextOf(input),
    entries: historyOf(`identifiers.${profileKey(target)}`, change.remove, added),
  });
  // Under the row lock the version cannot have moved; were it to, this rolls back what was written.
  if (version === null) throw new Error('the customer changed under its row lock');
  return done({ id: input.customerId, version, warnings });
}

/** The history of the change: one entry for the identifiers removed, one for those added. */
function historyOf(
  at: string,
  removed: { type: string; value: string }[],
  added: { type: string; value: string }[],
): PendingEntry[] {
  const entries: PendingEntry[] = [];
  if (removed.length)
    entries.push({
      action: 'identifier.removed',
      reason: null,
      changes: removed.map((r) => ({ path: `${at}.${r.type}`, before: r.value, after: null })),
    });
  if (added.length)
    entries.push({
      action: 'identifier.added',
      reason: null,
      changes: added.map((a) => ({ path: `${at}.${a.type}`, before: null, after: a.value })),
    });
  return entries;
}
