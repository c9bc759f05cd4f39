// What the customer page needs besides the customer itself: labels from the org's configuration
// and who registered the customer. Plain data, built by the page.
export interface CustomerPageLabels {
  primaryIdentifier: string;
  customFields: Record<string, { label: string; dataType: string }>;
  extendedFields: Record<string, { label: string; dataType: string }>;
  cardFields: Record<string, { label: string; dataType: string }>;
  cardSeries: Record<number, string>;
}

export interface RegisteredBy {
  actorType: string;
  actorCode: string;
  userContext: Record<string, string> | null;
  at: string | null;
}
