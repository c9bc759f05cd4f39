// What one save of the Registration Configuration changed, setting by setting, in the editor's own
// words: "Mandatory identifier types: none → Email", "Rate limit override: none → 300 per minute".
// Pure: the history list renders it, and unit tests hold it to the words.
import { typeName } from '@/components/customer/format';
import type { BenefitSettings, SettingsInput } from '@/lib/config/settings-schema';
import { BENEFIT_NAMES, STATUS_NAMES } from '@/lib/vocabulary';

export interface SettingChange {
  /** The setting as the editor names it ("Minimum mobile length", "Status label"). */
  setting: string;
  /** Its value before the save, in words; "none" when it did not exist or was empty. */
  before: string;
  after: string;
}

/** One setting of a document: `key` tells the same setting apart across saves (a renamed label stays itself). */
interface Entry {
  key: string;
  setting: string;
  value: string;
}

const NONE = 'none';
const COUNTRY = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

const list = (values: string[]) => (values.length ? values.join(', ') : NONE);
const onOff = (on: boolean) => (on ? 'on' : 'off');
const quoted = (s: string) => `“${s}”`;

function benefitWords(b: BenefitSettings): string {
  switch (b.type) {
    case 'points':
      return `${BENEFIT_NAMES.points}: ${b.amount ?? 0}`;
    case 'alternate_currency':
      return `${BENEFIT_NAMES.alternate_currency}: ${b.amount ?? 0} ${b.currencyName || b.currencyIdentifier}`;
    case 'coupon':
      return `${BENEFIT_NAMES.coupon}: ${quoted(b.couponDescription)}, valid ${b.couponValidDays ?? '?'} days`;
  }
}

/** Every setting of a document as a line of words, in the editor's order. */
function entriesOf(s: SettingsInput, extendedFieldName: (id: number) => string): Entry[] {
  const out: Entry[] = [];
  const add = (key: string, setting: string, value: string) => out.push({ key, setting, value });
  add('primaryIdentifier', 'Primary identifier', typeName(s.primaryIdentifier));
  add('allowed', 'Allowed identifier types', list(s.allowedIdentifierTypes.map(typeName)));
  add('mandatory', 'Mandatory identifier types', list(s.mandatoryIdentifierTypes.map(typeName)));
  add('unique', 'Unique identifier types', list(s.uniqueIdentifierTypes.map(typeName)));
  add('mobile.min', 'Minimum mobile length', `${s.mobile.minLength} digits`);
  add('mobile.max', 'Maximum mobile length', `${s.mobile.maxLength} digits`);
  add(
    'mobile.country',
    'Default country',
    s.mobile.defaultCountry ? `${COUNTRY.of(s.mobile.defaultCountry)} (${s.mobile.defaultCountry})` : NONE,
  );
  add('mobile.strict', 'Strict mobile checking', onOff(s.mobile.strict));
  // Documents saved before the setting existed have none: the browser's.
  add('timeZone', 'Time zone', s.timeZone || "the browser's");
  for (const src of s.sources) {
    const accounts = src.accounts.map((a) => (a.name ? `${a.accountId} (${a.name})` : a.accountId));
    const state = !src.enabled ? 'off' : accounts.length ? `on, accounts ${accounts.join(', ')}` : 'on';
    add(`source:${src.source}`, `Source ${src.source}`, state);
  }
  for (const f of s.customFields) {
    const values = f.dataType === 'ENUM' ? ` (${f.enumValues.join(', ')})` : '';
    // Documents saved before the counter choice existed have no atCounter: not at the counter.
    const counter = f.atCounter ? ', at the counter' : '';
    const value = `${quoted(f.label)}, ${f.dataType}${values}, ${f.mandatory ? 'mandatory' : 'optional'}${counter}`;
    add(`customField:${f.name}`, `Custom field ${f.name}`, value);
  }
  for (const f of s.extendedFields) {
    const label = f.label ? `${quoted(f.label)}, ` : '';
    const counter = f.atCounter ? ', at the counter' : '';
    add(
      `extended:${f.id}`,
      `Extended field ${extendedFieldName(f.id)}`,
      `${label}${f.mandatory ? 'mandatory' : 'optional'}${counter}`,
    );
  }
  for (const l of s.statusLabels) {
    add(`label:${l.id ?? `new:${l.name}`}`, 'Status label', `${quoted(l.name)} (${STATUS_NAMES[l.status]})`);
  }
  add('defaultStatusLabel', 'Default status label', s.defaultStatusLabel ? quoted(s.defaultStatusLabel) : NONE);
  for (const c of s.cardSeries) add(`series:${c.id}`, 'Card series', `${c.id} ${quoted(c.name)}`);
  for (const t of s.tills) add(`till:${t.code}`, 'Till', `${t.code} (${t.name})`);
  for (const p of s.programs) {
    const bonus = p.referralBonusPoints === null ? '' : `, referral bonus ${p.referralBonusPoints} points`;
    add(`program:${p.id}`, `Loyalty program ${p.id}`, `${quoted(p.name)}, ${p.type}${bonus}`);
    add(`tiers:${p.id}`, `Tiers of program ${p.id}`, list(p.tiers.map((t) => `${t.number} ${quoted(t.name)}`)));
    add(`benefits:${p.id}`, `Registration benefits of program ${p.id}`, list(p.benefits.map(benefitWords)));
  }
  add(
    'rateLimitOverride',
    'Rate limit override',
    s.rateLimitOverride === null ? NONE : `${s.rateLimitOverride} per minute`,
  );
  return out;
}

/** Where a setting's kind sits in the editor, by its key's prefix: removed entries are listed there too. */
const ORDER = [
  'primaryIdentifier',
  'allowed',
  'mandatory',
  'unique',
  'mobile.min',
  'mobile.max',
  'mobile.country',
  'mobile.strict',
  'source',
  'customField',
  'extended',
  'label',
  'defaultStatusLabel',
  'series',
  'till',
  'program',
  'tiers',
  'benefits',
  'rateLimitOverride',
];
const rank = (key: string) => ORDER.indexOf(key.split(':')[0]!);

/**
 * The settings whose words differ between the two documents, in the editor's order. A setting
 * missing on one side (a label added, a till removed) is "none" there.
 */
export function describeSettingsChange(
  before: SettingsInput,
  after: SettingsInput,
  extendedFieldName: (id: number) => string = String,
): SettingChange[] {
  const old = new Map(entriesOf(before, extendedFieldName).map((e) => [e.key, e]));
  const now = entriesOf(after, extendedFieldName);
  const changes: (SettingChange & { key: string })[] = [];
  for (const e of now) {
    const was = old.get(e.key);
    old.delete(e.key);
    if (was?.value !== e.value) {
      changes.push({ key: e.key, setting: e.setting, before: was?.value ?? NONE, after: e.value });
    }
  }
  for (const e of old.values()) changes.push({ key: e.key, setting: e.setting, before: e.value, after: NONE });
  // A stable sort: within a kind, the document's own order stays.
  return changes
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map(({ setting, before, after }) => ({ setting, before, after }));
}
