// What a registration request becomes once validated against the org's configuration.
import type { ProgramDef, StatusLabelDef } from '@/lib/config/types';
import type { ApiMessage } from '@/lib/errors';
import type { ChannelType, IdentifierType, LoyaltyType, SideEffectType, Source } from '@/lib/vocabulary';

export interface NormalisedIdentifier {
  type: IdentifierType;
  value: string;
  /** Takes part in identity resolution (a type the org marks unique). */
  unique: boolean;
  position: number;
  /** Index in the request's identifiers array (invalid ones dropped, so it can differ from position). */
  requestIndex: number;
  seriesId: number | null;
  statusLabel: string | null;
  extendedFields: Record<string, unknown> | null;
}

export interface NormalisedChannel {
  type: ChannelType;
  value: string;
  position: number;
  primary: boolean;
  verified: boolean;
  subscribed: boolean | null;
  meta: Record<string, unknown>;
}

export interface NormalisedProfile {
  source: Source;
  /** '' for single-account sources. */
  accountId: string;
  firstName: string | null;
  lastName: string | null;
  identifiers: NormalisedIdentifier[];
  channels: NormalisedChannel[];
  fields: Record<string, unknown>;
}

export interface NormalisedEnrollment {
  program: ProgramDef;
  tierNumber: number;
  points: number;
  tierExpiryDate: Date | null;
  pointsExpiryDate: Date | null;
}

export interface NormalisedRegistration {
  profiles: NormalisedProfile[];
  extendedFields: Record<string, unknown>;
  statusLabel: StatusLabelDef | null;
  loyaltyType: LoyaltyType;
  enrollments: NormalisedEnrollment[];
  referralCode: string | null;
  /** The valid associatedWith till, if one was given. */
  associatedTill: { id: number; code: string } | null;
  /** Whether the request carries customer-level details (ignored, with 8120, for an existing customer). */
  hasCustomerLevelDetails: boolean;
  /** Warnings found while validating, in request order. */
  warnings: ApiMessage[];
}

/** A customer already holding one of the request's unique identifiers, with one of its source accounts. */
export type { IdentityMatch } from '@/db/queries/registration';

/**
 * A loyalty side effect the registration issues (points, alternate currency, a coupon), planned
 * before the write. The fields are the side_effects row's, so a stored row reads the same way.
 */
export interface PlannedSideEffect {
  /** Order of issue within the registration. */
  position: number;
  type: SideEffectType;
  programId: number | null;
  /** A referral bonus: given to the referrer, not to the customer registering. */
  isReferrer: boolean;
  /** Who receives it; null: the customer being registered (whose id the write assigns). */
  beneficiaryCustomerId: number | null;
  rawValue: number | null;
  currencyIdentifier: string | null;
  currencyName: string | null;
  couponCode: string | null;
  couponType: string | null;
  validTill: Date | null;
  description: string | null;
  discountCode: string | null;
}
