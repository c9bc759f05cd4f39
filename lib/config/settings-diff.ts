// What a save changed, for the audit log: the sections that differ and, for lists, which entries
// came and went. Configuration holds no personal data, so names can be logged as they are.
import type { SettingsInput } from './settings-schema';

type Section = keyof SettingsInput;
export interface ListChange {
  added: string[];
  removed: string[];
  changed: string[];
}
export type SettingsChanges = { sections: Section[] } & Partial<
  Record<Section, ListChange | { from: unknown; to: unknown }>
>;

/** How list entries are told apart across a save (a renamed label is the same label). */
const KEYS: Partial<Record<Section, (item: never) => string>> = {
  sources: (s: SettingsInput['sources'][number]) => s.source,
  customFields: (f: SettingsInput['customFields'][number]) => f.name,
  extendedFields: (f: SettingsInput['extendedFields'][number]) => String(f.id),
  statusLabels: (l: SettingsInput['statusLabels'][number]) => (l.id === null ? `new:${l.name}` : String(l.id)),
  cardSeries: (c: SettingsInput['cardSeries'][number]) => String(c.id),
  tills: (t: SettingsInput['tills'][number]) => t.code,
  programs: (p: SettingsInput['programs'][number]) => String(p.id),
};

const NAMES: Partial<Record<Section, (item: never) => string>> = {
  statusLabels: (l: SettingsInput['statusLabels'][number]) => l.name,
  cardSeries: (c: SettingsInput['cardSeries'][number]) => `${c.id} ${c.name}`,
  programs: (p: SettingsInput['programs'][number]) => `${p.id} ${p.name}`,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listChange(section: Section, before: unknown[], after: unknown[]): ListChange {
  const key = KEYS[section] as (item: unknown) => string;
  const name = (NAMES[section] ?? KEYS[section]) as (item: unknown) => string;
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  return {
    added: after.filter((item) => !old.has(key(item))).map(name),
    removed: before.filter((item) => !now.has(key(item))).map(name),
    changed: after.filter((item) => old.has(key(item)) && !same(old.get(key(item)), item)).map(name),
  };
}

export function settingsChanges(before: SettingsInput, after: SettingsInput): SettingsChanges {
  const out: SettingsChanges = { sections: [] };
  for (const section of Object.keys(after) as Section[]) {
    const a = before[section];
    const b = after[section];
    if (same(a, b)) continue;
    out.sections.push(section);
    out[section] =
      KEYS[section] && Array.isArray(a) && Array.isArray(b) ? listChange(section, a, b) : { from: a, to: b };
  }
  return out;
}
