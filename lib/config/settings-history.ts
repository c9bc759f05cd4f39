// The configuration history: each save of the Registration Configuration as the audit log keeps it
// (lib/config/save.ts writes the whole document before and after), read back through the schema.
import type { ConfigSaveRow } from '@/db/queries/settings';
import { DEFAULT_REQUEST_SETTINGS, SettingsShape, type SettingsInput } from './settings-schema';

export interface ConfigSave {
  id: number;
  at: Date;
  /** Who saved: the staff member's name and email, or the actor's type and code. */
  by: string;
  /** Both documents, or null for a save recorded before they were kept (then only `sections`). */
  documents: { before: SettingsInput; after: SettingsInput } | null;
  /** The document keys the save changed, as recorded. */
  sections: string[];
}

function documentOf(value: unknown): SettingsInput | null {
  // Documents saved before the requests' settings existed held their defaults.
  const withRequests =
    value && typeof value === 'object' && !('requests' in value)
      ? { ...value, requests: DEFAULT_REQUEST_SETTINGS }
      : value;
  const parsed = SettingsShape.safeParse(withRequests);
  return parsed.success ? parsed.data : null;
}

export function readConfigSave(row: ConfigSaveRow): ConfigSave {
  const details = row.details ?? {};
  const before = documentOf(details.before);
  const after = documentOf(details.after);
  const sections = Array.isArray(details.sections) ? details.sections.filter((s) => typeof s === 'string') : [];
  const by =
    row.actorType === 'STAFF'
      ? row.actorName
        ? `${row.actorName} (${row.actorCode})`
        : row.actorCode
      : `${row.actorType} ${row.actorCode}`;
  return { id: row.id, at: row.at, by, documents: before && after ? { before, after } : null, sections };
}
