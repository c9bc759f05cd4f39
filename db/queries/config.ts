import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  cardSeries,
  customFields,
  extendedFieldCatalogue,
  loyaltyPrograms,
  loyaltyTiers,
  orgExtendedFieldSettings,
  orgs,
  orgSourceAccounts,
  orgSources,
  orgVerticals,
  registrationBenefits,
  registrationConfigs,
  statusLabels,
  tills,
} from '@/db/schema';
import type { BenefitDef, ExtendedFieldDef, OrgConfig, ProgramDef } from '@/lib/config/types';
import { ALWAYS_UNIQUE_TYPES, IDENTIFIER_TYPES, SOURCES, type IdentifierType, type Source } from '@/lib/vocabulary';

export const GLOBAL_VERTICAL = -1;

/** Reads an org's whole Registration Configuration (one round of parallel queries). */
export async function loadOrgConfig(db: DbOrTx, orgId: number): Promise<OrgConfig | null> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) return null;
  const verticalIds = db
    .select({ id: orgVerticals.verticalId })
    .from(orgVerticals)
    .where(eq(orgVerticals.orgId, orgId));
  const [
    reg,
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
  ] = await Promise.all([
    db.select().from(registrationConfigs).where(eq(registrationConfigs.orgId, orgId)),
    db.select().from(orgSources).where(eq(orgSources.orgId, orgId)),
    db
      .select()
      .from(orgSourceAccounts)
      .where(eq(orgSourceAccounts.orgId, orgId))
      .orderBy(asc(orgSourceAccounts.accountId)),
    db
      .select()
      .from(customFields)
      .where(eq(customFields.orgId, orgId))
      .orderBy(asc(customFields.position), asc(customFields.name)),
    db
      .select({ field: extendedFieldCatalogue, mandatory: orgExtendedFieldSettings.mandatory })
      .from(extendedFieldCatalogue)
      .leftJoin(
        orgExtendedFieldSettings,
        and(eq(orgExtendedFieldSettings.fieldId, extendedFieldCatalogue.id), eq(orgExtendedFieldSettings.orgId, orgId)),
      )
      .where(
        or(
          eq(extendedFieldCatalogue.verticalId, GLOBAL_VERTICAL),
          inArray(extendedFieldCatalogue.verticalId, verticalIds),
        ),
      )
      .orderBy(asc(extendedFieldCatalogue.id)),
    db.select().from(statusLabels).where(eq(statusLabels.orgId, orgId)).orderBy(asc(statusLabels.id)),
    db.select().from(cardSeries).where(eq(cardSeries.orgId, orgId)).orderBy(asc(cardSeries.id)),
    db.select().from(tills).where(eq(tills.orgId, orgId)).orderBy(asc(tills.code)),
    db.select().from(loyaltyPrograms).where(eq(loyaltyPrograms.orgId, orgId)).orderBy(asc(loyaltyPrograms.id)),
    db.select().from(loyaltyTiers).where(eq(loyaltyTiers.orgId, orgId)).orderBy(asc(loyaltyTiers.number)),
    db
      .select()
      .from(registrationBenefits)
      .where(eq(registrationBenefits.orgId, orgId))
      .orderBy(asc(registrationBenefits.id)),
  ]);
  const r = reg[0];
  const known = (types: string[]) => IDENTIFIER_TYPES.filter((t) => types.includes(t));
  const enabled = new Set(sourceRows.map((s) => s.source));
  const extDef = (row: (typeof extRows)[number]): ExtendedFieldDef => ({
    id: row.field.id,
    name: row.field.name,
    label: row.field.label,
    dataType: row.field.dataType,
    enumValues: row.field.enumValues,
    mandatory: row.mandatory ?? false,
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
    })),
    extendedFields: {
      customer: extRows.filter((x) => x.field.scope === 'CUSTOMER').map(extDef),
      card: extRows.filter((x) => x.field.scope === 'CARD').map(extDef),
    },
    statusLabels: labelRows.map((l) => ({ id: l.id, name: l.name, status: l.status })),
    defaultStatusLabelId: r?.defaultStatusLabelId ?? null,
    cardSeries: seriesRows.map((s) => ({ id: s.id, name: s.name })),
    tills: tillRows.map((t) => ({ id: t.id, code: t.code, name: t.name })),
    programs,
  };
}

function toBenefit(b: typeof registrationBenefits.$inferSelect): BenefitDef | null {
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

/** The org's config version, to tell whether a cached configuration is still current. */
export async function getConfigVersion(db: DbOrTx, orgId: number): Promise<number | null> {
  const [row] = await db.select({ v: orgs.configVersion }).from(orgs).where(eq(orgs.id, orgId));
  return row?.v ?? null;
}
