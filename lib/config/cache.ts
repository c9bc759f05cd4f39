// Cached reader of org configurations. A configuration is read once per process and kept until a
// save invalidates it: in this process directly, in others through NOTIFY org_config (LISTEN below).
import { getDb, getHandle } from '@/db/client';
import { loadOrgConfig } from './load';
import type { OrgConfig } from './types';

export const CONFIG_CHANNEL = 'org_config';

interface CacheState {
  entries: Map<number, Promise<OrgConfig | null>>;
  listening?: Promise<void>;
}
const g = globalThis as typeof globalThis & { __memberCareConfigCache?: CacheState };
const state: CacheState = (g.__memberCareConfigCache ??= { entries: new Map() });

function listenOnce(): Promise<void> {
  state.listening ??= getHandle()
    .then((h) => h.listen(CONFIG_CHANNEL, (payload) => invalidateOrgConfig(Number(payload))))
    .catch(() => {
      state.listening = undefined;
    });
  return state.listening;
}

export async function getOrgConfig(orgId: number): Promise<OrgConfig | null> {
  void listenOnce();
  const cached = state.entries.get(orgId);
  if (cached) return cached;
  // One snapshot: a save committing mid-read must not mix old and new rows.
  const load = getDb().then((db) =>
    db.transaction((tx) => loadOrgConfig(tx, orgId), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
  );
  // A failed load is forgotten, unless a newer one (after an invalidation) has taken its place.
  load.catch(() => {
    if (state.entries.get(orgId) === load) state.entries.delete(orgId);
  });
  state.entries.set(orgId, load);
  return load;
}

export function invalidateOrgConfig(orgId?: number): void {
  if (orgId === undefined || Number.isNaN(orgId)) state.entries.clear();
  else state.entries.delete(orgId);
}
