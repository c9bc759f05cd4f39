// PUT /v2/customers/{id}: names, channels, custom and extended fields, status label with reason,
// non-loyalty → loyalty (docs/api.md, "Update a customer"). Validated by the registration's rules;
// applied under the customer's row lock with its history, or not at all.
import type { Db, DbOrTx } from '@/db/client';
import {
  lockCustomer,
  readForChange,
  writeCustomerChange,
  type ChannelRow,
  type CustomerChange,
  type StoredAccount,
} from '@/db/queries/customer-care';
import { ApiError } from '@/lib/errors';
import { buildCustomerUpdateSchema, parseWith } from './care-schema';
import {
  checkVersion,
  historyContextOf,
  optimisticThenLocked,
  targetAccountOf,
  type CareInput,
  type CareSuccess,
} from './care';
import { profileKey, recordChange, sameValue, type HistoryChange, type PendingEntry } from './history';
import type { FieldPatch, NormalisedCustomerUpdate } from './normalise-care';
import { searchWords } from './search-text';

export async function updateCustomer(db: Db, input: CareInput): Promise<CareSuccess> {
  return optimisticThenLocked(
    db,
    input.actor.orgId,
    (config) => parseWith(buildCustomerUpdateSchema(config), input.body),
    (db, config, update, locked) => applyUpdate(db, config.orgId, input, update, locked),
  );
}

/**
 * One read and one write (see optimisticThenLocked); under the row lock, the lock and the read are sent
 * together. Null: another change came between the read and the write, and nothing was written.
 */
async function applyUpdate(
  db: DbOrTx,
  orgId: number,
  input: CareInput,
  update: NormalisedCustomerUpdate,
  locked: boolean,
): Promise<CareSuccess | null> {
  const key = { orgId, customerId: input.customerId };
  const target = update.profile ? targetAccountOf(input) : null;
  const read = { ...key, source: target?.source ?? null, accountId: target?.accountId ?? '' };
  const current = locked
    ? (await Promise.all([lockCustomer(db, key), readForChange(db, read)]))[1]
    : await readForChange(db, read);
  if (!current) throw ApiError.of(8015);
  checkVersion(current.version, input.ifMatch);

  const changes: HistoryChange[] = [];
  const write: Omit<CustomerChange, 'entries'> = {
    expectedVersion: current.version,
    set: {},
    context: historyContextOf(input),
  };
  if (update.profile && target) {
    if (!current.account) throw ApiError.of(8128, { source: profileKey(target) });
    applyProfile(`profiles.${profileKey(target)}`, current.account, update.profile, changes, write);
  }
  if (update.extendedFields) {
    const merged = mergeFields(current.extendedFields, update.extendedFields, 'extendedFields', changes);
    if (merged) write.set.extendedFields = merged;
  }
  if (update.loyaltyType === 'non_loyalty' && current.loyaltyType === 'loyalty') throw ApiError.of(8129);
  if (update.loyaltyType === 'loyalty' && current.loyaltyType !== 'loyalty') {
    recordChange(changes, 'loyaltyInfo.loyaltyType', current.loyaltyType, 'loyalty');
    write.set.loyaltyType = 'loyalty';
  }
  const entries: PendingEntry[] = [];
  if (changes.length) entries.push({ action: 'customer.updated', reason: update.statusReason, changes });
  if (update.statusLabel && update.statusLabel.id !== current.statusLabelId) {
    write.set.statusLabelId = update.statusLabel.id;
    entries.push({
      action: 'status.changed',
      reason: update.statusReason,
      changes: [{ path: 'statusLabel', before: current.statusLabel, after: update.statusLabel.name }],
    });
  }
  // A body that changes nothing writes nothing, and the version stays.
  if (!entries.length) return { id: input.customerId, version: current.version, warnings: update.warnings };

  const version = await writeCustomerChange(db, key, { ...write, entries });
  return version === null ? null : { id: input.customerId, version, warnings: update.warnings };
}

/** The source account's part of the change: its names, fields and channels, and the search words. */
function applyProfile(
  at: string,
  account: StoredAccount,
  profile: NonNullable<NormalisedCustomerUpdate['profile']>,
  changes: HistoryChange[],
  write: Omit<CustomerChange, 'entries'>,
): void {
  const firstName = profile.firstName === undefined ? account.firstName : profile.firstName;
  const lastName = profile.lastName === undefined ? account.lastName : profile.lastName;
  const before = changes.length;
  recordChange(changes, `${at}.firstName`, account.firstName, firstName);
  recordChange(changes, `${at}.lastName`, account.lastName, lastName);
  const namesChanged = changes.length > before;
  const fields = profile.fields ? mergeFields(account.fields, profile.fields, `${at}.fields`, changes) : null;
  if (namesChanged || fields) write.account = { id: account.id, firstName, lastName, fields: fields ?? account.fields };
  // The search words are made of every source account's names.
  if (namesChanged) write.searchWords = searchWords(firstName, lastName, ...account.otherNames.flat());

  if (profile.channels) {
    const wanted: ChannelRow[] = profile.channels.map((c) => ({
      type: c.type,
      value: c.value,
      primary: c.primary,
      verified: c.verified,
      subscribed: c.subscribed,
      meta: c.meta,
    }));
    if (!sameValue(account.channels, wanted)) {
      write.channels = { sourceAccountId: account.id, rows: wanted };
      changes.push({ path: `${at}.commChannels`, before: account.channels, after: wanted });
    }
  }
}

/** Stored fields with the patch merged key by key; null when nothing changes. */
function mergeFields(
  stored: Record<string, unknown>,
  patch: FieldPatch,
  at: string,
  changes: HistoryChange[],
): Record<string, unknown> | null {
  const merged = { ...stored };
  for (const name of patch.clear) delete merged[name];
  Object.assign(merged, patch.set);
  const before = changes.length;
  for (const name of new Set([...patch.clear, ...Object.keys(patch.set)]))
    recordChange(changes, `${at}.${name}`, stored[name], merged[name]);
  return changes.length > before ? merged : null;
}
