// Saving the Registration Configuration: validate, write every part in ONE transaction (locked per
// org), audit, NOTIFY the other processes, and drop this process's cached copy after commit, so the
// very next request (API or form) follows the new rules. Free of Next.js: actions, scripts and tests
// call it alike.
import type { DbOrTx, Tx } from '@/db/client';
import { loadOrgConfig } from './load';
import {
  bumpOrgConfigVersion,
  clearDefaultStatusLabel,
  insertConfigAudit,
  lockOrgConfig,
  notifyChannel,
  replaceCustomFields,
  replaceExtendedFieldSettings,
  replaceSources,
  tillIdsWithApiClients,
  upsertRegistrationConfig,
} from '@/db/queries/settings';
import {
  ALWAYS_UNIQUE_TYPES,
  IDENTIFIER_TYPES,
  isMultiAccountSource,
  MANDATORY_IDENTIFIER_TYPES,
  SOURCES,
  type ActorType,
} from '@/lib/vocabulary';
import { CONFIG_CHANNEL, invalidateOrgConfig } from './cache';
import { fieldErrorsOf, Problems, SettingsRejected, type FieldErrors } from './save-problems';
import { removeDroppedRows, writeLoyalty, writeStatusLabels, writeTills } from './save-steps';
import { settingsChanges } from './settings-diff';
import { toSettingsInput } from './settings-input';
import { SettingsSchema, type SettingsInput } from './settings-schema';
import type { OrgConfig } from './types';

export { toSettingsInput };

/** The stored document after the save: new labels and tills now have ids, which the form must keep. */
export interface SavedSettings {
  version: number;
  changed: string[];
  settings: SettingsInput;
}

/** Who saves, for the audit log. */
export interface ConfigActor {
  type: ActorType;
  code: string;
  requestId: string;
}

export type SaveOrgConfigResult =
  { ok: true; data: SavedSettings } | { ok: false; fieldErrors: FieldErrors; message: string };

/** The document in the stored order, so the audit summary compares like with like. */
function canonical(s: SettingsInput, current: OrgConfig): SettingsInput {
  const inOrder = <T extends string>(types: readonly T[], picked: readonly string[]) =>
    types.filter((t) => picked.includes(t));
  const extended = [...current.extendedFields.customer, ...current.extendedFields.card];
  return {
    ...s,
    allowedIdentifierTypes: inOrder(IDENTIFIER_TYPES, s.allowedIdentifierTypes),
    mandatoryIdentifierTypes: inOrder(MANDATORY_IDENTIFIER_TYPES, s.mandatoryIdentifierTypes),
    uniqueIdentifierTypes: inOrder(IDENTIFIER_TYPES, [...s.uniqueIdentifierTypes, ...ALWAYS_UNIQUE_TYPES]),
    sources: SOURCES.map((source) => {
      const given = s.sources.find((x) => x.source === source);
      const enabled = given?.enabled ?? false;
      return { source, enabled, accounts: enabled && isMultiAccountSource(source) ? given!.accounts : [] };
    }),
    customFields: s.customFields.map((f) => ({ ...f, enumValues: f.dataType === 'ENUM' ? f.enumValues : [] })),
    extendedFields: extended.map((f) => {
      const given = s.extendedFields.find((x) => x.id === f.id);
      const label = given?.label.trim() ?? '';
      return {
        id: f.id,
        mandatory: given?.mandatory ?? false,
        // The catalogue's own label is no label of the org's.
        label: label === f.catalogueLabel ? '' : label,
        atCounter: given?.atCounter ?? false,
      };
    }),
  };
}

/** Rules that need the stored configuration: enabled extended fields, unchangeable till codes. */
function checkAgainstStored(s: SettingsInput, current: OrgConfig, problems: Problems): void {
  const enabled = new Set([...current.extendedFields.customer, ...current.extendedFields.card].map((f) => f.id));
  s.extendedFields.forEach((f, i) => {
    if (!enabled.has(f.id))
      problems.add(`extendedFields.${i}.id`, "This field is not enabled by the organisation's verticals.");
  });
  const codes = new Map(current.tills.map((t) => [t.id, t.code]));
  s.tills.forEach((t, i) => {
    const stored = t.id === null ? undefined : codes.get(t.id);
    if (stored !== undefined && stored !== t.code) {
      problems.add(
        `tills.${i}.code`,
        "A till's code cannot change: API clients sign in with it. Add a new till instead.",
      );
    }
  });
}

/**
 * A till and its API client are one thing, made and revoked on the API clients page: a document that
 * leaves out a till an API client signs in as keeps it (it was likely added after the document was
 * read). Tills without a client are removed by leaving them out, as before.
 */
function withClientTills(s: SettingsInput, current: OrgConfig, clientTills: Set<number>): SettingsInput {
  const listed = new Map(s.tills.map((t) => [t.id, t]));
  if (!current.tills.some((t) => clientTills.has(t.id) && !listed.has(t.id))) return s;
  // In the stored order (the audit compares like with like), new tills after them.
  const stored = current.tills.flatMap((t) => listed.get(t.id) ?? (clientTills.has(t.id) ? [t] : []));
  return { ...s, tills: [...stored, ...s.tills.filter((t) => t.id === null)] };
}

async function apply(tx: Tx, orgId: number, input: SettingsInput, actor: ConfigActor): Promise<SavedSettings> {
  if (!(await lockOrgConfig(tx, orgId))) throw new SettingsRejected({}, 'This organisation does not exist.');
  const current = (await loadOrgConfig(tx, orgId))!;
  const s = withClientTills(canonical(input, current), current, await tillIdsWithApiClients(tx, orgId));
  const problems = new Problems();
  checkAgainstStored(input, current, problems);
  problems.throwIfAny();

  const version = await bumpOrgConfigVersion(tx, orgId, s.rateLimitOverride);
  await clearDefaultStatusLabel(tx, orgId);
  await replaceSources(
    tx,
    orgId,
    s.sources.filter((x) => x.enabled),
  );
  await replaceCustomFields(tx, orgId, s.customFields);
  await replaceExtendedFieldSettings(tx, orgId, s.extendedFields);

  const step = { tx, orgId, s, current, problems };
  await removeDroppedRows(step);
  problems.throwIfAny('Nothing was saved: some of what you removed is still in use.');
  const labelIds = await writeStatusLabels(step);
  await writeTills(step);
  await writeLoyalty(step);
  problems.throwIfAny();

  await upsertRegistrationConfig(tx, orgId, {
    primaryIdentifier: s.primaryIdentifier,
    allowedIdentifierTypes: s.allowedIdentifierTypes,
    mandatoryIdentifierTypes: s.mandatoryIdentifierTypes,
    uniqueIdentifierTypes: s.uniqueIdentifierTypes,
    mobileMinLength: s.mobile.minLength,
    mobileMaxLength: s.mobile.maxLength,
    mobileStrict: s.mobile.strict,
    defaultCountry: s.mobile.defaultCountry || null,
    timeZone: s.timeZone || null,
    defaultStatusLabelId: s.defaultStatusLabel ? (labelIds.get(s.defaultStatusLabel.toLowerCase()) ?? null) : null,
    autoApproveMerge: s.requests.autoApprove.MERGE,
    autoApproveDelete: s.requests.autoApprove.DELETE,
    piiDeleteAfterDays: s.requests.piiDeleteAfterDays,
  });
  const before = toSettingsInput(current);
  const after = toSettingsInput((await loadOrgConfig(tx, orgId))!);
  const changes = settingsChanges(before, s);
  // Both whole documents: the configuration history shows every setting's value before and after.
  await insertConfigAudit(tx, orgId, {
    requestId: actor.requestId,
    actorType: actor.type,
    actorCode: actor.code,
    details: { version, ...changes, before, after },
  });
  await notifyChannel(tx, CONFIG_CHANNEL, String(orgId));
  return { version, changed: changes.sections, settings: after };
}

export async function saveOrgConfig(
  db: DbOrTx,
  orgId: number,
  input: unknown,
  actor: ConfigActor,
): Promise<SaveOrgConfigResult> {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: fieldErrorsOf(parsed.error.issues),
      message: 'Nothing was saved. Fix the highlighted fields and try again.',
    };
  }
  let data: SavedSettings;
  try {
    data = await db.transaction((tx) => apply(tx, orgId, parsed.data, actor));
  } catch (err) {
    if (err instanceof SettingsRejected) return { ok: false, fieldErrors: err.fieldErrors, message: err.message };
    throw err;
  }
  // NOTIFY reaches this process too, but asynchronously: its own next request must not wait for it.
  invalidateOrgConfig(orgId);
  return { ok: true, data };
}
