// A history entry of GET /v2/customers/{id}/history (docs/api.md) in the words staff read: what
// happened, who did it, and each change's field with its value before and after.
import { readableValue, typeName } from '@/components/customer/format';

export { actorText } from '@/components/customer/format';
import type { CustomerPageLabels } from '@/components/customer/types';

const ACTIONS: Record<string, string> = {
  'customer.registered': 'Registered',
  'source.added': 'Source account added',
  'customer.updated': 'Profile updated',
  'status.changed': 'Status changed',
  'identifier.added': 'Identifier added',
  'identifier.removed': 'Identifier removed',
};

export function actionTitle(action: string): string {
  return ACTIONS[action] ?? action;
}

const PROFILE_FIELDS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  commChannels: 'Communication channels',
};
const TOP_FIELDS: Record<string, string> = {
  mergedFrom: 'Merged from customer',
  mergedInto: 'Merged into customer',
  statusLabel: 'Status label',
  loyaltyType: 'Loyalty type',
  'loyaltyInfo.loyaltyType': 'Loyalty type',
};

/**
 * "profiles.INSTORE.firstName" → "First name · INSTORE"; "extendedFields.city" → the field's label;
 * "identifiers.INSTORE.mobile" → "Mobile · INSTORE"; "profiles.INSTORE" → "Source account · INSTORE". A path it does not know is shown as it is.
 */
export function changeLabel(path: string, labels: Pick<CustomerPageLabels, 'customFields' | 'extendedFields'>): string {
  if (TOP_FIELDS[path]) return TOP_FIELDS[path];
  const parts = path.split('.');
  const [head, ...rest] = parts;
  if (head === 'extendedFields' && rest.length) {
    const name = rest.join('.');
    return labels.extendedFields[name]?.label ?? name;
  }
  // A whole source account (registered, or added to the customer).
  if (head === 'profiles' && rest.length === 1) return `Source account · ${rest[0]}`;
  if (head === 'profiles' && rest.length >= 2) {
    if (rest.length >= 3 && rest[rest.length - 2] === 'fields') {
      const name = rest[rest.length - 1] ?? '';
      return `${labels.customFields[name]?.label ?? name} · ${rest.slice(0, -2).join('.')}`;
    }
    const field = rest[rest.length - 1] ?? '';
    return `${PROFILE_FIELDS[field] ?? field} · ${rest.slice(0, -1).join('.')}`;
  }
  // A merge's loyalty: an enrolment that moved, or the points of one both customers had, added up.
  if (head === 'loyalty' && rest.length === 1) return `Loyalty enrolment · program ${rest[0]}`;
  if (head === 'loyalty' && rest.length === 2 && rest[1] === 'points') return `Points · program ${rest[0]}`;
  if (head === 'identifiers' && rest.length >= 2) {
    const type = rest[rest.length - 1] ?? '';
    return `${typeName(type)} · ${rest.slice(0, -1).join('.')}`;
  }
  return path;
}

const isChannel = (v: unknown): v is { type: string; value: unknown } =>
  typeof v === 'object' && v !== null && 'type' in v && 'value' in v && typeof v.type === 'string';

/** The identifier type a change is about ("identifiers.INSTORE.mobile" → "mobile"); undefined for other paths. */
function identifierTypeOf(path: string): string | undefined {
  const parts = path.split('.');
  return parts[0] === 'identifiers' && parts.length >= 3 ? parts[parts.length - 1] : undefined;
}

/**
 * A value before or after a change at `path`, as text; "—" for none (a cleared value reads back as
 * null). Mobiles, stored as digits, are written for reading ("+91 98000 00001").
 */
export function valueText(value: unknown, path = ''): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    return value
      .map((v) => (isChannel(v) ? `${typeName(v.type)} ${readableValue(v.type, String(v.value))}` : valueText(v, path)))
      .join(', ');
  }
  // What a merge records of a moved part: where it came from, an enrolment's points.
  if (typeof value === 'object' && 'from' in value) return `from customer #${String(value.from)}`;
  if (typeof value === 'object' && 'points' in value) return `${String(value.points)} points`;
  if (typeof value === 'object') return JSON.stringify(value);
  const type = identifierTypeOf(path);
  return type && typeof value === 'string' ? readableValue(type, value) : String(value);
}
