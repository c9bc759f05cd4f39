// The Registration Configuration of one org, as the engine, the form and the settings editor see it.
// Plain data (no Sets, no Dates): it is sent to the browser as is.
import {
  REGION_RATE_LIMITS,
  type CustomerStatus,
  type CustomFieldType,
  type ExtendedFieldType,
  type IdentifierType,
  type ProgramType,
  type Region,
  type Source,
} from '@/lib/vocabulary';

export interface CustomFieldDef {
  name: string;
  label: string;
  dataType: CustomFieldType;
  enumValues: string[];
  mandatory: boolean;
  /** Shown at the counter; the rest sit under "More details" (a mandatory field always shows). */
  atCounter: boolean;
}

export interface ExtendedFieldDef {
  id: number;
  name: string;
  /** The org's label, else the catalogue's. */
  label: string;
  /** The catalogue's label, what the org's replaces. */
  catalogueLabel: string;
  dataType: ExtendedFieldType;
  enumValues: string[];
  mandatory: boolean;
  /** Shown at the counter; the rest sit under "More details" (a mandatory field always shows). */
  atCounter: boolean;
}

export interface StatusLabelDef {
  id: number;
  name: string;
  status: CustomerStatus;
}

export type BenefitDef =
  | { type: 'points'; amount: number }
  | { type: 'alternate_currency'; amount: number; currencyIdentifier: string; currencyName: string }
  | { type: 'coupon'; description: string; couponType: string; validDays: number; discountCode: string };

export interface ProgramDef {
  id: number;
  name: string;
  type: ProgramType;
  referralBonusPoints: number | null;
  tiers: { number: number; name: string }[];
  benefits: BenefitDef[];
}

export interface OrgConfig {
  orgId: number;
  orgCode: string;
  orgName: string;
  region: Region;
  rateLimitOverride: number | null;
  version: number;
  primaryIdentifier: IdentifierType;
  allowedIdentifierTypes: IdentifierType[];
  mandatoryIdentifierTypes: IdentifierType[];
  /** Always includes mobile, externalId and cardnumber. */
  uniqueIdentifierTypes: IdentifierType[];
  mobile: { minLength: number; maxLength: number; strict: boolean; defaultCountry: string | null };
  /** IANA time zone times are shown in (Asia/Kolkata); null: the browser's. */
  timeZone: string | null;
  /** Enabled sources, in the vocabulary's order, with their account ids (multi-account sources). */
  sources: { source: Source; accounts: { accountId: string; name: string }[] }[];
  customFields: CustomFieldDef[];
  /** Extended fields enabled by the org's verticals (and the global ones). */
  extendedFields: { customer: ExtendedFieldDef[]; card: ExtendedFieldDef[] };
  statusLabels: StatusLabelDef[];
  defaultStatusLabelId: number | null;
  /** Requests (docs/api.md, "Requests"): which are approved on creation, and the wait before an erasure. */
  requests: { autoApprove: { MERGE: boolean; DELETE: boolean }; piiDeleteAfterDays: number };
  cardSeries: { id: number; name: string }[];
  tills: { id: number; code: string; name: string }[];
  programs: ProgramDef[];
}

export function rateLimitOf(config: Pick<OrgConfig, 'region' | 'rateLimitOverride'>): number | null {
  return config.rateLimitOverride ?? REGION_RATE_LIMITS[config.region];
}
