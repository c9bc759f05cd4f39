// Cross-field rules of the settings document: what no single field can tell. Each problem names the
// path of the control to fix, so the form shows it in place and the server returns it the same way.
import type { z } from 'zod';
import { isMultiAccountSource } from '@/lib/vocabulary';
import type { BenefitSettings, SettingsInput } from './settings-schema';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Indices of the items whose key an earlier item already had. */
export function repeatedIndices<T>(items: readonly T[], key: (item: T) => string | number | null): number[] {
  const seen = new Set<string | number>();
  const out: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (k === null) return;
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}

const lower = (s: string) => s.toLowerCase();

function checkIdentifiers(s: SettingsInput, report: Report) {
  if (!s.allowedIdentifierTypes.includes(s.primaryIdentifier)) {
    report(['primaryIdentifier'], 'The primary identifier must be one of the allowed types');
  }
  const notAllowed = s.mandatoryIdentifierTypes.filter((t) => !s.allowedIdentifierTypes.includes(t));
  if (notAllowed.length) report(['mandatoryIdentifierTypes'], `Mandatory but not allowed: ${notAllowed.join(', ')}`);
  if (s.mobile.maxLength < s.mobile.minLength) report(['mobile', 'maxLength'], 'Must be at least the minimum length');
}

function checkSources(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.sources, (x) => x.source)) report(['sources', i, 'source'], 'Listed twice');
  if (!s.sources.some((x) => x.enabled)) report(['sources'], 'Enable at least one source');
  s.sources.forEach((x, i) => {
    if (!isMultiAccountSource(x.source)) {
      if (x.accounts.length) report(['sources', i, 'accounts'], `${x.source} has no accounts`);
      return;
    }
    if (x.enabled && x.accounts.length === 0)
      report(['sources', i, 'accounts'], `Add at least one ${x.source} account, or disable ${x.source}`);
    for (const j of repeatedIndices(x.accounts, (a) => a.accountId))
      report(['sources', i, 'accounts', j, 'accountId'], 'This account id is listed twice');
  });
}

function checkFields(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.customFields, (f) => f.name))
    report(['customFields', i, 'name'], 'Another custom field has this name');
  s.customFields.forEach((f, i) => {
    if (f.dataType !== 'ENUM') return;
    if (f.enumValues.length === 0) report(['customFields', i, 'enumValues'], 'An ENUM field needs at least one value');
    else if (repeatedIndices(f.enumValues, lower).length) report(['customFields', i, 'enumValues'], 'Each value once');
  });
  for (const i of repeatedIndices(s.extendedFields, (f) => f.id)) report(['extendedFields', i, 'id'], 'Listed twice');
}

function checkLabels(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.statusLabels, (l) => lower(l.name)))
    report(['statusLabels', i, 'name'], 'Another status label has this name');
  if (repeatedIndices(s.statusLabels, (l) => l.id).length) report(['statusLabels'], 'A stored label is listed twice');
  if (s.defaultStatusLabel && !s.statusLabels.some((l) => lower(l.name) === lower(s.defaultStatusLabel))) {
    report(['defaultStatusLabel'], 'Choose one of the status labels above, or none');
  }
  for (const i of repeatedIndices(s.cardSeries, (c) => c.id))
    report(['cardSeries', i, 'id'], 'Another card series has this id');
  for (const i of repeatedIndices(s.cardSeries, (c) => lower(c.name)))
    report(['cardSeries', i, 'name'], 'Another card series has this name');
  for (const i of repeatedIndices(s.tills, (t) => t.code)) report(['tills', i, 'code'], 'Another till has this code');
  if (repeatedIndices(s.tills, (t) => t.id).length) report(['tills'], 'A stored till is listed twice');
}

function checkBenefit(b: BenefitSettings, path: Path, report: Report) {
  if (b.type !== 'coupon' && b.amount === null) report([...path, 'amount'], 'Enter an amount');
  if (b.type === 'alternate_currency') {
    if (!b.currencyIdentifier) report([...path, 'currencyIdentifier'], 'Enter the currency identifier');
    if (!b.currencyName) report([...path, 'currencyName'], 'Enter the currency name');
  }
  if (b.type === 'coupon') {
    if (!b.couponDescription) report([...path, 'couponDescription'], 'Enter a description');
    if (b.couponValidDays === null) report([...path, 'couponValidDays'], 'Enter how many days the coupon is valid');
  }
}

function checkPrograms(s: SettingsInput, report: Report) {
  for (const i of repeatedIndices(s.programs, (p) => p.id))
    report(['programs', i, 'id'], 'Another program has this id');
  for (const i of repeatedIndices(s.programs, (p) => lower(p.name)))
    report(['programs', i, 'name'], 'Another program has this name');
  // The engine reads the referral bonus from the one DEFAULT program.
  for (const i of repeatedIndices(s.programs, (p) => (p.type === 'DEFAULT' ? 'DEFAULT' : null))) {
    report(['programs', i, 'type'], 'Only one program can be the DEFAULT program');
  }
  s.programs.forEach((p, i) => {
    if (p.type !== 'DEFAULT' && p.referralBonusPoints !== null) {
      report(['programs', i, 'referralBonusPoints'], 'Only the DEFAULT program gives a referral bonus');
    }
    for (const j of repeatedIndices(p.tiers, (t) => t.number))
      report(['programs', i, 'tiers', j, 'number'], 'Another tier has this number');
    for (const j of repeatedIndices(p.tiers, (t) => lower(t.name)))
      report(['programs', i, 'tiers', j, 'name'], 'Another tier has this name');
    p.benefits.forEach((b, j) => checkBenefit(b, ['programs', i, 'benefits', j], report));
  });
}

export function checkSettingsRules(s: SettingsInput, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkIdentifiers(s, report);
  checkSources(s, report);
  checkFields(s, report);
  checkLabels(s, report);
  checkPrograms(s, report);
}
