// The editor's sections, in page order: ids for anchors, titles for the contents and for saying where
// the problems are, and which document keys each one edits.
import type { SettingsInput } from '@/lib/config/settings-schema';

export interface SectionInfo {
  id: string;
  title: string;
  keys: (keyof SettingsInput)[];
}

export const SECTIONS: SectionInfo[] = [
  {
    id: 'identifiers',
    title: 'Identifiers',
    keys: ['primaryIdentifier', 'allowedIdentifierTypes', 'mandatoryIdentifierTypes', 'uniqueIdentifierTypes'],
  },
  { id: 'mobile', title: 'Mobile numbers', keys: ['mobile'] },
  { id: 'time-zone', title: 'Time zone', keys: ['timeZone'] },
  { id: 'sources', title: 'Sources and accounts', keys: ['sources'] },
  { id: 'custom-fields', title: 'Custom fields', keys: ['customFields'] },
  { id: 'extended-fields', title: 'Extended fields', keys: ['extendedFields'] },
  { id: 'status-labels', title: 'Status labels', keys: ['statusLabels', 'defaultStatusLabel'] },
  { id: 'card-series', title: 'Card series', keys: ['cardSeries'] },
  { id: 'tills', title: 'Tills', keys: ['tills'] },
  { id: 'loyalty-programs', title: 'Loyalty programs', keys: ['programs'] },
  { id: 'rate-limit', title: 'Rate limit', keys: ['rateLimitOverride'] },
  { id: 'requests', title: 'Requests', keys: ['requests'] },
];

/** The sections that hold problems at these paths ("tills.1.code" → Tills), in page order. */
export function sectionsWithProblems(paths: string[]): SectionInfo[] {
  const tops = new Set(paths.map((p) => p.split('.')[0]));
  return SECTIONS.filter((s) => s.keys.some((k) => tops.has(k)));
}
