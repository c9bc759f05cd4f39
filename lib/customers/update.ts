// PUT /v2/customers/{id}: names, channels, custom and extended fields, status label with reason,
// non-loyalty → loyalty (docs/api.md, "Update a customer"). Validated by the registration's rules;
// written in one statement guarded by the version read (then, if another change came between, under
// the customer's row lock), with its history, or not at all.
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
import { buildCustomerUpdateSchema } from './care-schema';
import {
  changeCustomer,
  checkVersion,
  checkWritable,
  historyContextOf,
  targetAccountOf,
  type CareInput,
  type CareSuccess,
} from './care';
import { changeOf, profileKey, sameValue, type HistoryChange, type PendingEntry } from './history';
import type { FieldPatch, NormalisedCustomerUpdate } from './normalise-care';
import { parseWith } from './org-schema';
import { done, moved, type Attempt } from './retry';
import { searchWords } from './search-text';

export function updateCustomer(db: Db, input: CareInput): Promise<CareSuccess> {
  return changeCustomer(db, input.actor.orgId, {
    parse: (config) => parseWith(buildCustomerUpdateSchema(config), input.body),
    write: (db, config, update, locked) => applyUpdate(db, config.orgId, input, update, locked),
    optimistic: true,
  });
}

/** A change's parts besides its history entries, with the changes they record. */
type Part = Partial<Pick<CustomerChange, 'account' | 'channels' | 'searchWords'>> & { changes: HistoryChange[] };

/**
 * One read and one write (see changeCustomer); under the row lock, the lock and the read are sent
 * together. Moved: another change came between the read and the write, and nothing was written.
 */
async function applyUpdate(
  db: DbOrTx,
  orgId: number,
  input: CareInput,
  update: NormalisedCustomerUpdate,
  locked: boolean,
): Promise<Attempt<CareSuccess>> {
  const key = { orgId, customerId: input.customerId };
  const target = update.profile ? targetAccountOf(input) : null;
  const read = { ...key, source: target?.source ?? null, accountId: target?.accountId ?? '' };
  const current = locked
    ? (await Promise.all([lockCustomer(db, key), readForChange(db, read)]))[1]
    : await readForChange(db, read);
  if (!current) throw ApiError.of(8015);
  checkWritable(current);
  checkVersion(current.version, input.ifMatch);

  let profile: Part = { changes: [] };
  if (update.profile && target) {
    if (!current.account) throw ApiError.of(8128, { source: profileKey(target) });
    profile = profileChange(`profiles.${profileKey(target)}`, current.account, update.profile);
  }
  const extended = update.extendedFields
    ? mergeFields(current.extendedFields, update.extendedFields, 'extendedFields')
    : { merged: null, changes: [] };
  if (update.loyaltyType === 'non_loyalty' && current.loyaltyType === 'loyalty') throw ApiError.of(8129);
  const toLoyalty = update.loyaltyType === 'loyalty' && current.loyaltyType !== 'loyalty';
  const changes = [
    ...profile.changes,
    ...extended.changes,
    ...(toLoyalty ? changeOf('loyaltyInfo.loyaltyType', current.loyaltyType, 'loyalty') : []),
  ];
  const newLabel = update.statusLabel && update.statusLabel.id !== current.statusLabelId ? update.statusLabel : null;
  const entries: PendingEntry[] = [];
  if (changes.length) entries.push({ action: 'customer.updated', reason: update.statusReason, changes });
  if (newLabel)
    entries.push({
      action: 'status.changed',
      reason: update.statusReason,
      changes: [{ path: 'statusLabel', before: current.statusLabel, after: newLabel.name }],
    });
  // A body that changes nothing writes nothing, and the version stays.
  if (!entries.length) return done({ id: input.customerId, version: current.version, warnings: update.warnings });

  const version = await writeCustomerChange(db, key, {
    expectedVersion: current.version,
    set: {
      statusLabelId: newLabel?.id,
      loyaltyType: toLoyalty ? 'loyalty' : undefined,
      extendedFields: extended.merged ?? undefined,
    },
    account: profile.account,
    channels: profile.channels,
    searchWords: profile.searchWords,
    context: historyContextOf(input),
    entries,
  });
  return version === null ? moved : done({ id: input.customerId, version, warnings: update.warnings });
}

/** The source account's part of the change: its names, fields and channels, and the search words. */
function profileChange(
  at: string,
  account: StoredAccount,
  profile: NonNullable<NormalisedCustomerUpdate['profile']>,
): Part {
  const firstName = profile.firstName === undefined ? account.firstName : profile.firstName;
  const lastName = profile.lastName === undefined ? account.lastName : profile.lastName;
  const names = [
    ...changeOf(`${at}.firstName`, account.firstName, firstName),
    ...changeOf(`${at}.lastName`, account.lastName, lastName),
  ];
  const fields = profile.fields ? mergeFields(account.fields, profile.fields, `${at}.fields`) : null;
  const part: Part = { changes: [...names, ...(fields?.changes ?? [])] };
  if (names.length || fields?.merged)
    part.account = { id: account.id, firstName, lastName, fields: fields?.merged ?? account.fields };
  // The search words are made of every source account's names.
  if (names.length) part.searchWords = searchWords(firstName, lastName, ...account.otherNames.flat());

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
      part.channels = { sourceAccountId: account.id, rows: wanted };
      part.changes.push({ path: `${at}.commChannels`, before: account.channels, after: wanted });
    }
  }
  return part;
}

/** Stored fields with the patch merged key by key (null when nothing changes), and the changes. */
function mergeFields(
  stored: Record<string, unknown>,
  patch: FieldPatch,
  at: string,
): { merged: Record<string, unknown> | null; changes: HistoryChange[] } {
  const merged = { ...stored };
  for (const name of patch.clear) delete merged[name];
  Object.assign(merged, patch.set);
  const changes = [...new Set([...patch.clear, ...Object.keys(patch.set)])].flatMap((name) =>
    changeOf(`${at}.${name}`, stored[name], merged[name]),
  );
  return { merged: changes.length ? merged : null, changes };
}
