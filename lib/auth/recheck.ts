// The rows behind a credential, re-read at most AUTH_RECHECK_MS after they were last read (default
// 30 s, never more than 60 s): a staff user who is deactivated, demoted or moved to another org, or an
// API client that is deactivated or loses write access, loses that access within that time in pages,
// server actions and the API alike (docs/api.md, "Rechecks"). Never the 12-hour session, never the
// 300-second token: those only say who the caller claims to be.
import { getDb } from '@/db/client';
import { findApiClientByKey } from '@/db/queries/api-clients';
import { findActiveStaffUser } from '@/db/queries/staff-users';
import type { ApiClientKind } from '@/lib/vocabulary';
import { env } from '@/lib/env';

const MAX_ENTRIES = 10_000;

interface Entry<V> {
  value: V;
  expires: number;
}

/** A small time-bounded cache of database rows, emptied whole when it fills up. */
class RowCache<V> {
  private readonly rows = new Map<string, Entry<V>>();

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.rows.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = await load();
    if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
    this.rows.set(key, { value, expires: now + env().AUTH_RECHECK_MS });
    return value;
  }

  clear(): void {
    this.rows.clear();
  }

  forget(key: string): void {
    this.rows.delete(key);
  }
}

export type ApiClientRow = NonNullable<Awaited<ReturnType<typeof findApiClientByKey>>>;
export type StaffUserRow = NonNullable<Awaited<ReturnType<typeof findActiveStaffUser>>>;

interface Caches {
  clients: RowCache<ApiClientRow | null>;
  staff: RowCache<StaffUserRow | null>;
}
const g = globalThis as typeof globalThis & { __memberCareRechecks?: Caches };
const caches: Caches = (g.__memberCareRechecks ??= { clients: new RowCache(), staff: new RowCache() });

/** The active API client with this key as it is now (or was at most AUTH_RECHECK_MS ago); null if none. */
export function currentApiClient(kind: ApiClientKind, key: string): Promise<ApiClientRow | null> {
  return caches.clients.get(`${kind}:${key}`, async () => findApiClientByKey(await getDb(), kind, key));
}

/** The active staff user of this org and id as it is now (or was at most AUTH_RECHECK_MS ago). */
export function currentStaffUser(orgId: number, userId: number): Promise<StaffUserRow | null> {
  return caches.staff.get(`${orgId}:${userId}`, async () => findActiveStaffUser(await getDb(), orgId, userId));
}

/**
 * Forget one client's or staff member's row after an admin changed it: this process sees the change
 * at once; other processes within AUTH_RECHECK_MS.
 */
export function forgetApiClient(kind: ApiClientKind, key: string): void {
  caches.clients.forget(`${kind}:${key}`);
}

export function forgetStaffUser(orgId: number, userId: number): void {
  caches.staff.forget(`${orgId}:${userId}`);
}

/** Forget every cached row (tests; and a script that changed access and wants it seen at once). */
export function forgetCachedRows(): void {
  caches.clients.clear();
  caches.staff.clear();
}
