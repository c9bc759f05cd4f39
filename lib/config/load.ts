// An org's Registration Configuration, built from the rows db/queries/config.ts reads: the defaults of
// an org without a registration row, the identifier types always unique, benefits that are complete.
import type { DbOrTx } from '@/db/client';
import { readOrgConfigRows, type OrgConfigRows } from '@/db/queries/config';
import { ALWAYS_UNIQUE_TYPES, IDENTIFIER_TYPES, SOURCES, type IdentifierType, type Source } from '@/lib/vocabulary';
import type { BenefitDef, ExtendedFieldDef, OrgConfig, ProgramDef } from './types';

/** Reads an org's whole Registration Configuration; null for an unknown org. */
export async function loadOrgConfig(db: DbOrTx, orgId: number): Promise<OrgConfig | null> {
  const rows = await readOrgConfigRows(db, orgId);
  return rows && orgConfigOf(rows);
}

function orgConfigOf({
  org,
  registration: r,
  sourceRows,
  accountRows,
  fieldRows,
  extRows,
  labelRows,
  seriesRows,
  tillRows,
  programRows,
  tierRows,
  benefitRows,
}: OrgConfigRows): OrgConfig {
  const known = (types: string[]) => IDENTIFIER_TYPES.filter((t) => types.includes(t));
  const enabled = new Set(sourceRows.map((s) => s.source));
  const extDef = (row: (typeof extRows)[number]): ExtendedFieldDef => ({
    id: row.field.id,
    name: row.field.name,
    label: row.label || row.field.label,
    catalogueLabel: row.field.label,
    dataType: row.field.dataType,
    enumValues: row.field.enumValues,
    mandatory: row.mandatory ?? false,
    atCounter: row.atCounter ?? false,
  });
  const programs: ProgramDef[] = programRows.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    referralBonusPoints: p.referralBonusPoints,
    tiers: tierRows.filter((t) => t.programId === p.id).map((t) => ({ number: t.number, name: t.name })),
    benefits: benefitRows
      .filter((b) => b.programId === p.id)
      .map(toBenefit)
      .filter((b): b is BenefitDef => b !== null),
  }));
  return {
    orgId: org.id,
    orgCode: org.code,
    orgName: org.name,
    region: org.region,
    rateLimitOverride: org.rateLimitOverride,
    version: org.configVersion,
    primaryIdentifier: (r?.primaryIdentifier as IdentifierType | undefined) ?? 'mobile',
    allowedIdentifierTypes: r ? known(r.allowedIdentifierTypes) : [...IDENTIFIER_TYPES],
    mandatoryIdentifierTypes: r ? known(r.mandatoryIdentifierTypes) : [],
    uniqueIdentifierTypes: known([...(r?.uniqueIdentifierTypes ?? ['email']), ...ALWAYS_UNIQUE_TYPES]),
    mobile: {
      minLength: r?.mobileMinLength ?? 6,
      maxLength: r?.mobileMaxLength ?? 15,
      strict: r?.mobileStrict ?? false,
      defaultCountry: r?.defaultCountry ?? null,
    },
    timeZone: r?.timeZone ?? null,
    sources: SOURCES.filter((s) => enabled.has(s)).map((source: Source) => ({
      source,
      accounts: accountRows.filter((a) => a.source === source).map((a) => ({ accountId: a.accountId, name: a.name })),
    })),
    customFields: fieldRows.map((f) => ({
      name: f.name,
      label: f.label,
      dataType: f.dataType,
      enumValues: f.enumValues,
      mandatory: f.mandatory,
      atCounter: f.atCounter,
    })),
    extendedFields: {
      customer: extRows.filter((x) => x.field.scope === 'CUSTOMER').map(extDef),
      card: extRows.filter((x) => x.field.scope === 'CARD').map(extDef),
    },
    statusLabels: labelRows.map((l) => ({ id: l.id, name: l.name, status: l.status })),
    defaultStatusLabelId: r?.defaultStatusLabelId ?? null,
    requests: {
      autoApprove: { MERGE: r?.autoApproveMerge ?? false, DELETE: r?.autoApproveDelete ?? false },
      piiDeleteAfterDays: r?.piiDeleteAfterDays ?? 30,
    },
    cardSeries: seriesRows.map((s) => ({ id: s.id, name: s.name })),
    tills: tillRows.map((t) => ({ id: t.id, code: t.code, name: t.name })),
    programs,
  };
}

function toBenefit(b: OrgConfigRows['benefitRows'][number]): BenefitDef | null {
  switch (b.type) {
    case 'points':
      return b.amount ? { type: 'points', amount: b.amount } : null;
    case 'alternate_currency':
      return b.amount && b.currencyIdentifier && b.currencyName
        ? {
            type: 'alternate_currency',
            amount: b.amount,
            currencyIdentifier: b.currencyIdentifier,
            currencyName: b.currencyName,
          }
        : null;
    case 'coupon':
      return b.couponDescription && b.couponValidDays
        ? {
            type: 'coupon',
            description: b.couponDescription,
            couponType: b.couponType ?? 'PE',
            validDays: b.couponValidDays,
            discountCode: b.discountCode ?? 'NO_VALUE',
          }
        : null;
    default:
      return null;
  }
}
