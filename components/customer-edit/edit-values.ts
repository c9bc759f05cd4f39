// The edit forms hold the registration form's values (same names, same controls, same checks),
// filled from the customer as the page shows it; what they send is the PUT /v2/customers/{id} body
// of docs/api.md, with only what was changed.
import {
  defaultFormValues,
  emptyIdentifierRow,
  toRegistrationRequest,
  type ChannelRow,
  type RegistrationFormValues,
  type RowIndex,
} from '@/components/registration/form-values';
import type { OrgConfig } from '@/lib/config/types';
import type { CustomerView, ProfileView } from '@/lib/customers/views';

/** A stored field value as an input holds it: dates as days for the date input, the rest as text. */
export function fieldText(dataType: string | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if ((dataType === 'DATE' || dataType === 'DATETIME') && /^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  return text;
}

function fieldTexts(
  defs: { name: string; dataType: string }[],
  stored: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(defs.map((d) => [d.name, fieldText(d.dataType, stored[d.name])]));
}

/** The registration form's values for one source account of an existing customer. */
export function editValuesOf(config: OrgConfig, customer: CustomerView, profile: ProfileView): RegistrationFormValues {
  const base = defaultFormValues(config);
  return {
    ...base,
    profiles: [
      {
        source: profile.source,
        accountId: profile.accountId,
        firstName: profile.firstName,
        lastName: profile.lastName,
        identifiers: profile.identifiers.map((i) => ({
          ...emptyIdentifierRow(config, i.type),
          value: i.value,
          seriesId: i.seriesId === undefined ? '' : String(i.seriesId),
          statusLabel: i.statusLabel ?? '',
        })),
        commChannels: profile.commChannels.map((c) => ({
          type: c.type,
          value: c.value,
          primary: c.primary,
          verified: c.verified,
          subscribed: c.subscribed ?? false,
        })),
        fields: fieldTexts(config.customFields, profile.fields),
      },
    ],
    extendedFields: fieldTexts(config.extendedFields.customer, customer.extendedFields),
    statusLabel: customer.statusLabel ?? '',
  };
}

/** The fields each edit form shows: a check or a server error elsewhere belongs to the form as a whole. */
export const PROFILE_TARGET =
  /^(profiles\.0\.(firstName|lastName|fields\.[^.]+|commChannels\.\d+\.\w+)|root\.channels)$/;
export const DETAILS_TARGET = /^(extendedFields\.[^.]+|statusLabel)$/;

const text = (v: string) => v.trim();
/** A cleared value is sent as null: "given and empty" (docs/api.md: PUT clears it). */
const textOrNull = (v: string) => (v.trim() === '' ? null : v.trim());

function changedEntries(now: Record<string, string>, before: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(now)
      .filter(([k, v]) => text(v) !== text(before[k] ?? ''))
      .map(([k, v]) => [k, textOrNull(v)]),
  );
}

const channelKey = (c: ChannelRow) => JSON.stringify([c.type, c.value.trim(), c.primary, c.verified, c.subscribed]);
const sentChannels = (rows: ChannelRow[]) => rows.filter((c) => c.value.trim() !== '');

type RequestProfile = ReturnType<typeof toRegistrationRequest>['request']['profiles'][number];

export interface ProfileUpdate {
  source: string;
  accountId: string;
  body: {
    profiles: [
      {
        firstName?: string | null;
        lastName?: string | null;
        commChannels?: NonNullable<RequestProfile['commChannels']>;
        fields?: Record<string, string | null>;
      },
    ];
  };
  /** Which form row each sent channel came from, to place the server's errors. */
  index: RowIndex;
}

/** The PUT body for the profile form: names, channels and custom fields that differ from `before`; null if none. */
export function toProfileUpdate(values: RegistrationFormValues, before: RegistrationFormValues): ProfileUpdate | null {
  const now = values.profiles[0];
  const old = before.profiles[0];
  const { request, index } = toRegistrationRequest(values);
  const profile: ProfileUpdate['body']['profiles'][0] = {};
  if (text(now.firstName) !== text(old.firstName)) profile.firstName = textOrNull(now.firstName);
  if (text(now.lastName) !== text(old.lastName)) profile.lastName = textOrNull(now.lastName);
  const channelsNow = sentChannels(now.commChannels).map(channelKey);
  const channelsBefore = sentChannels(old.commChannels).map(channelKey);
  if (JSON.stringify(channelsNow) !== JSON.stringify(channelsBefore))
    profile.commChannels = request.profiles[0]?.commChannels ?? [];
  const fields = changedEntries(now.fields, old.fields);
  if (Object.keys(fields).length) profile.fields = fields;
  if (!Object.keys(profile).length) return null;
  return { source: now.source, accountId: now.accountId, body: { profiles: [profile] }, index };
}

export interface DetailsUpdate {
  extendedFields?: Record<string, string | null>;
  statusLabel?: string;
  statusReason?: string;
}

/** The PUT body for the customer-level form: changed extended fields, a new status label and its reason. */
export function toDetailsUpdate(
  values: RegistrationFormValues,
  before: RegistrationFormValues,
  reason: string,
): DetailsUpdate | null {
  const body: DetailsUpdate = {};
  const extended = changedEntries(values.extendedFields, before.extendedFields);
  if (Object.keys(extended).length) body.extendedFields = extended;
  if (text(values.statusLabel) && text(values.statusLabel) !== text(before.statusLabel))
    body.statusLabel = text(values.statusLabel);
  if (!Object.keys(body).length) return null;
  if (reason.trim()) body.statusReason = reason.trim();
  return body;
}

/** `?source=…&accountId=…`: which source account a profile change is for. */
export function accountQuery(source: string, accountId: string): string {
  const q = new URLSearchParams({ source });
  if (accountId) q.set('accountId', accountId);
  return `?${q.toString()}`;
}
