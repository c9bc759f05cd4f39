// What the engine answers when asked to read: a customer, a side effect, a history entry, a search hit.
// These are the engine's own types; lib/api/schemas.ts describes the wire with zod schemas checked
// against them (`satisfies z.ZodType<...>`), and the routes add the envelope (warnings) around them.
import type { ActorType, CustomerStatus, HistoryAction, LoyaltyType, Source } from '@/lib/vocabulary';

/** ISO 8601 in UTC, to the second: 2025-02-11T11:06:17Z. */
type IsoUtc = string;

export interface PointsSideEffectItem {
  entityType: 'USER';
  rawAwardedPoints: number;
  awardedPoints: number;
  type: 'points';
  /** A referral bonus, awarded to customerId (the referrer). */
  isReferrer?: boolean;
  customerId?: number;
}

export interface AlternateCurrencySideEffectItem {
  entityType: 'USER';
  rawAwardedValue: number;
  awardedValue: number;
  alternateCurrencyIdentifier: string;
  alternateCurrencyName: string;
  type: 'alternate_currency';
}

export interface CouponSideEffectItem {
  id: number;
  entityType: 'USER';
  couponType: string;
  couponCode: string;
  validTill: IsoUtc;
  description: string;
  discountCode: string;
  trimmedCouponCode: string;
  type: 'coupon';
}

/** A side effect of a registration as it is shown: in the POST response and in the customer view. */
export type SideEffectItem = PointsSideEffectItem | AlternateCurrencySideEffectItem | CouponSideEffectItem;

export interface IdentifierView {
  type: string;
  value: string;
  seriesId?: number;
  statusLabel?: string;
  extendedFields?: Record<string, unknown>;
}

export interface CommChannelView {
  type: string;
  value: string;
  primary: boolean;
  verified: boolean;
  subscribed?: boolean;
  meta: Record<string, unknown>;
}

/** One source account of the customer. */
export interface ProfileView {
  source: Source;
  /** "" for single-account sources. */
  accountId: string;
  firstName: string;
  lastName: string;
  /** The org's primary identifier type first, then request order. */
  identifiers: IdentifierView[];
  commChannels: CommChannelView[];
  /** Custom fields. */
  fields: Record<string, unknown>;
  attribution: { createDate: IsoUtc; createdBy: { code: string; type: ActorType } };
}

export interface EnrollmentView {
  programId: number;
  programName: string;
  tierNumber: number;
  tierName: string;
  loyaltyPoints: number;
  tierExpiryDate: IsoUtc | null;
  pointsExpiryDate: IsoUtc | null;
}

/** The customer as GET /v2/customers/{id} answers it (without the envelope's warnings) and the customer page shows it. */
export interface CustomerView {
  id: number;
  /** Bumped by every change of the customer; also the ETag. */
  version: number;
  statusLabel: string | null;
  status: CustomerStatus;
  loyaltyInfo: { loyaltyType: LoyaltyType };
  extendedFields: Record<string, unknown>;
  /** One per source account; INSTORE first, then by creation. */
  profiles: ProfileView[];
  loyaltyProgramEnrollments: EnrollmentView[];
  /** What the registration issued, as in its POST response. */
  sideEffects: SideEffectItem[];
  referralCode: string;
  /** associatedWith, else the calling till, else null. */
  registeredTill: string | null;
}

export interface HistoryChange {
  /** profiles.INSTORE.firstName, extendedFields.city, statusLabel, identifiers.INSTORE.mobile, … */
  path: string;
  before: unknown;
  after: unknown;
  /** The customer's personal data was erased: before and after are null. */
  redacted?: true;
}

export interface HistoryEntry {
  /** The next page's ?before=. */
  id: number;
  at: IsoUtc;
  action: HistoryAction;
  actor: { type: ActorType; code: string };
  requestId: string;
  /** The USER-CONTEXT-ENTITY-* headers of the request, when sent. */
  userContext: Record<string, string> | null;
  /** statusReason of the update, when given. */
  reason: string | null;
  changes: HistoryChange[];
}

/** A customer as the search lists it. */
export interface CustomerSearchHit {
  id: number;
  firstName: string | null;
  lastName: string | null;
  statusLabel: string | null;
  /** INSTORE, or "LINE · <accountId>" for a multi-account source. */
  sources: string[];
  identifiers: { type: string; value: string }[];
}
