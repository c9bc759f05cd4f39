// PUT /v2/customers/{id}: names, channels, custom and extended fields, status label with reason,
// non-loyalty → loyalty (docs/api.md, "Update a customer"). Validated by the registration's rules;
// applied under the customer's row lock with its history, or not at all.
import type { Db, Tx } from '@/db/client';
import {
  findSourceAccount,
  insertHistory,
  listChannelsOfAccount,
  listNamesOfCustomer,
  lockCustomer,
  replaceChannels,
  replaceSearchWords,
  updateCustomerRow,
  updateSourceAccount,
  type ChannelRow,
} from '@/db/queries/customer-care';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError } from '@/lib/errors';
import { buildCustomerUpdateSchema, parseWith } from './care-schema';
import {
  checkVersion,
  historyContextOf,
  inCareTransaction,
  targetAccountOf,
  type CareInput,
  type CareSuccess,
} from './care';
import { profileKey, recordChange, sameValue, type HistoryChange, type PendingEntry } from './history';
import type { FieldPatch, NormalisedCustomerUpdate } from './normalise-care';
import { searchWords } from './search-text';

export async function updateCustomer(db: Db, input: CareInput): Promise<CareSuccess> {
  return inCareTransaction(
    db,
    input.actor.orgId,
    (config) => parseWith(buildCustomerUpdateSchema(config), input.body),
    (tx, config, update) => applyUpdate(tx, config, input, update),
  );
}

async function applyUpdate(
  tx: Tx,
  config: OrgConfig,
  input: CareInput,
  update: NormalisedCustomerUpdate,
): Promise<CareSuccess> {
  const key = { orgId: config.orgId, customerId: input.customerId };
  const current = await lockCustomer(tx, key);
  if (!current) throw ApiError.of(8015);
  checkVersion(current.version, input.ifMatch);

  const changes: HistoryChange[] = [];
  const namesChanged = update.profile ? await applyProfile(tx, input, update.profile, changes) : false;

  const set: Parameters<typeof updateCustomerRow>[2] = {};
  if (update.extendedFields) {
    const merged = mergeFields(current.extendedFields, update.extendedFields, 'extendedFields', changes);
    if (merged) set.extendedFields = merged;
  }
  if (update.loyaltyType === 'non_loyalty' && current.loyaltyType === 'loyalty') throw ApiError.of(8129);
  if (update.loyaltyType === 'loyalty' && current.loyaltyType !== 'loyalty') {
    recordChange(changes, 'loyaltyInfo.loyaltyType', current.loyaltyType, 'loyalty');
    set.loyaltyType = 'loyalty';
  }
  const entries: PendingEntry[] = [];
  if (changes.length) entries.push({ action: 'customer.updated', reason: update.statusReason, changes });
  if (update.statusLabel && update.statusLabel.id !== current.statusLabelId) {
    set.statusLabelId = update.statusLabel.id;
    entries.push({
      action: 'status.changed',
      reason: update.statusReason,
      changes: [{ path: 'statusLabel', before: current.statusLabel, after: update.statusLabel.name }],
    });
  }
  // A body that changes nothing writes nothing, and the version stays.
  if (!entries.length) return { id: input.customerId, version: current.version, warnings: update.warnings };

  const version = await updateCustomerRow(tx, key, set);
  if (namesChanged) {
    const names = await listNamesOfCustomer(tx, key);
    await replaceSearchWords(tx, key, searchWords(...names.flatMap((n) => [n.firstName, n.lastName])));
  }
  await insertHistory(tx, key, historyContextOf(input), entries);
  return { id: input.customerId, version, warnings: update.warnings };
}

/** The source account's part; answers whether a name changed (the search words follow names). */
async function applyProfile(
  tx: Tx,
  input: CareInput,
  profile: NonNullable<NormalisedCustomerUpdate['profile']>,
  changes: HistoryChange[],
): Promise<boolean> {
  const orgId = input.actor.orgId;
  const target = targetAccountOf(input);
  const account = await findSourceAccount(tx, { orgId, customerId: input.customerId, ...target });
  const at = `profiles.${profileKey(target)}`;
  if (!account) throw ApiError.of(8128, { source: profileKey(target) });

  const firstName = profile.firstName === undefined ? account.firstName : profile.firstName;
  const lastName = profile.lastName === undefined ? account.lastName : profile.lastName;
  const before = changes.length;
  recordChange(changes, `${at}.firstName`, account.firstName, firstName);
  recordChange(changes, `${at}.lastName`, account.lastName, lastName);
  const namesChanged = changes.length > before;
  const fields = profile.fields ? mergeFields(account.fields, profile.fields, `${at}.fields`, changes) : null;
  if (namesChanged || fields)
    await updateSourceAccount(tx, { orgId, id: account.id, firstName, lastName, fields: fields ?? account.fields });

  if (profile.channels) {
    const stored: ChannelRow[] = await listChannelsOfAccount(tx, { orgId, sourceAccountId: account.id });
    const wanted: ChannelRow[] = profile.channels.map((c) => ({
      type: c.type,
      value: c.value,
      primary: c.primary,
      verified: c.verified,
      subscribed: c.subscribed,
      meta: c.meta,
    }));
    if (!sameValue(stored, wanted)) {
      await replaceChannels(tx, { orgId, sourceAccountId: account.id, channels: wanted });
      changes.push({ path: `${at}.commChannels`, before: stored, after: wanted });
    }
  }
  return namesChanged;
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
