// The settings document of a stored configuration: what the editor opens with, and the "before"
// that the audit summary compares against. Pure, so the page and saveOrgConfig share it.
import { MANDATORY_IDENTIFIER_TYPES, SOURCES } from '@/lib/vocabulary';
import type { BenefitSettings, SettingsInput } from './settings-schema';
import type { BenefitDef, OrgConfig } from './types';

const noBenefit: Omit<BenefitSettings, 'type'> = {
  amount: null,
  currencyIdentifier: '',
  currencyName: '',
  couponDescription: '',
  couponType: '',
  couponValidDays: null,
  discountCode: '',
};

export function emptyBenefit(type: BenefitSettings['type']): BenefitSettings {
  return { type, ...noBenefit, ...(type === 'coupon' && { couponType: 'PE', discountCode: 'NO_VALUE' }) };
}

function benefitSettings(b: BenefitDef): BenefitSettings {
  switch (b.type) {
    case 'points':
      return { ...emptyBenefit('points'), amount: b.amount };
    case 'alternate_currency':
      return {
        ...emptyBenefit(b.type),
        amount: b.amount,
        currencyIdentifier: b.currencyIdentifier,
        currencyName: b.currencyName,
      };
    case 'coupon':
      return {
        ...emptyBenefit('coupon'),
        couponDescription: b.description,
        couponType: b.couponType,
        couponValidDays: b.validDays,
        discountCode: b.discountCode,
      };
  }
}

export function toSettingsInput(config: OrgConfig): SettingsInput {
  const enabled = new Map(config.sources.map((s) => [s.source, s.accounts]));
  const defaultLabel = config.statusLabels.find((l) => l.id === config.defaultStatusLabelId);
  return {
    primaryIdentifier: config.primaryIdentifier,
    allowedIdentifierTypes: [...config.allowedIdentifierTypes],
    mandatoryIdentifierTypes: MANDATORY_IDENTIFIER_TYPES.filter((t) => config.mandatoryIdentifierTypes.includes(t)),
    uniqueIdentifierTypes: [...config.uniqueIdentifierTypes],
    mobile: { ...config.mobile, defaultCountry: config.mobile.defaultCountry ?? '' },
    timeZone: config.timeZone ?? '',
    sources: SOURCES.map((source) => ({
      source,
      enabled: enabled.has(source),
      accounts: (enabled.get(source) ?? []).map((a) => ({ accountId: a.accountId, name: a.name })),
    })),
    customFields: config.customFields.map((f) => ({ ...f, enumValues: [...f.enumValues] })),
    extendedFields: [...config.extendedFields.customer, ...config.extendedFields.card].map((f) => ({
      id: f.id,
      mandatory: f.mandatory,
      label: f.label === f.catalogueLabel ? '' : f.label,
      atCounter: f.atCounter,
    })),
    statusLabels: config.statusLabels.map((l) => ({ id: l.id, name: l.name, status: l.status })),
    defaultStatusLabel: defaultLabel?.name ?? '',
    requests: {
      autoApprove: { ...config.requests.autoApprove },
      piiDeleteAfterDays: config.requests.piiDeleteAfterDays,
    },
    cardSeries: config.cardSeries.map((c) => ({ id: c.id, name: c.name })),
    tills: config.tills.map((t) => ({ id: t.id, code: t.code, name: t.name })),
    programs: config.programs.map((p) => ({
      id: p.id,
      name: p.name,
      type: p.type,
      referralBonusPoints: p.referralBonusPoints,
      tiers: p.tiers.map((t) => ({ ...t })),
      benefits: p.benefits.map(benefitSettings),
    })),
    rateLimitOverride: config.rateLimitOverride,
  };
}
