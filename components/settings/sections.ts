// The editor's pages and their sections, in menu order: ids for anchors, titles for the menu and for
// saying where the problems are, and which document keys each section edits. Every page edits its
// part of ONE document (the Registration Configuration), kept in one form while the admin moves
// between the pages and saved whole by "Save configuration".
import type { SettingsInput } from '@/lib/config/settings-schema';

export const SETTINGS_URL = '/member-care/ui/settings/registration';

export interface SettingsPageInfo {
  /** The page's path below SETTINGS_URL; '' for the first page, which is SETTINGS_URL itself. */
  slug: string;
  title: string;
  href: string;
}

export interface SectionInfo {
  id: string;
  title: string;
  page: SettingsPageInfo;
  keys: (keyof SettingsInput)[];
}

const page = (slug: string, title: string): SettingsPageInfo => ({
  slug,
  title,
  href: slug ? `${SETTINGS_URL}/${slug}` : SETTINGS_URL,
});

const IDENTIFIERS = page('', 'Identifiers');
const SOURCES = page('sources', 'Sources');
const FIELDS = page('fields', 'Fields');
const STATUSES = page('statuses', 'Statuses');
const CARDS_AND_TILLS = page('cards-and-tills', 'Cards and tills');
const LOYALTY = page('loyalty', 'Loyalty');
const LIMITS = page('limits', 'Limits');
const REQUESTS = page('requests', 'Requests');
/** The history of saves: read-only, outside the form. */
export const HISTORY_PAGE = page('history', 'History');

/** The pages that edit the document, in menu order. */
export const EDITOR_PAGES: SettingsPageInfo[] = [
  IDENTIFIERS,
  SOURCES,
  FIELDS,
  STATUSES,
  CARDS_AND_TILLS,
  LOYALTY,
  LIMITS,
  REQUESTS,
];

export const SECTIONS: SectionInfo[] = [
  {
    id: 'identifiers',
    title: 'Identifiers',
    page: IDENTIFIERS,
    keys: ['primaryIdentifier', 'allowedIdentifierTypes', 'mandatoryIdentifierTypes', 'uniqueIdentifierTypes'],
  },
  { id: 'mobile', title: 'Mobile numbers', page: IDENTIFIERS, keys: ['mobile'] },
  { id: 'time-zone', title: 'Time zone', page: IDENTIFIERS, keys: ['timeZone'] },
  { id: 'sources', title: 'Sources and accounts', page: SOURCES, keys: ['sources'] },
  { id: 'custom-fields', title: 'Custom fields', page: FIELDS, keys: ['customFields'] },
  { id: 'extended-fields', title: 'Extended fields', page: FIELDS, keys: ['extendedFields'] },
  { id: 'status-labels', title: 'Status labels', page: STATUSES, keys: ['statusLabels', 'defaultStatusLabel'] },
  { id: 'card-series', title: 'Card series', page: CARDS_AND_TILLS, keys: ['cardSeries'] },
  { id: 'tills', title: 'Tills', page: CARDS_AND_TILLS, keys: ['tills'] },
  { id: 'loyalty-programs', title: 'Loyalty programs', page: LOYALTY, keys: ['programs'] },
  { id: 'rate-limit', title: 'Rate limit', page: LIMITS, keys: ['rateLimitOverride'] },
  { id: 'requests', title: 'Requests', page: REQUESTS, keys: ['requests'] },
];

/** The editor page at this slug ('' for the first); undefined for any other. */
export function editorPageOf(slug: string): SettingsPageInfo | undefined {
  return EDITOR_PAGES.find((p) => p.slug === slug);
}

/** Whether a path is one of the editor's pages: moving between them keeps the unsaved edits. */
export function isEditorPath(pathname: string): boolean {
  return EDITOR_PAGES.some((p) => p.href === pathname);
}

/** The sections that hold these paths (a problem's "tills.1.code" → Tills), in page order. */
export function sectionsAt(paths: string[]): SectionInfo[] {
  const tops = new Set(paths.map((p) => p.split('.')[0]));
  return SECTIONS.filter((s) => s.keys.some((k) => tops.has(k)));
}

/** The pages whose parts of the document changed, in menu order ("Identifiers", "Sources"). */
export function pagesWithChanges(changedKeys: string[]): SettingsPageInfo[] {
  const pages = new Set(sectionsAt(changedKeys).map((s) => s.page));
  return EDITOR_PAGES.filter((p) => pages.has(p));
}
