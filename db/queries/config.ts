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

/** Extended fields of this vertical are every org's. */
const GLOBAL_VERTICAL = -1;

/**
 * The rows an org's Registration Configuration is built from (one round of parallel queries), as the
 * tables hold them; null for an unknown org. lib/config/load.ts makes the configuration of them.
 */
export async function readOrgConfigRows(db: DbOrTx, orgId: number) {
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
      .select({
        field: extendedFieldCatalogue,
        mandatory: orgExtendedFieldSettings.mandatory,
        label: orgExtendedFieldSettings.label,
        atCounter: orgExtendedFieldSettings.atCounter,
      })
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
  return {
    org,
    registration: reg[0] ?? null,
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
  };
}

export type OrgConfigRows = NonNullable<Awaited<ReturnType<typeof readOrgConfigRows>>>;
