'use client';

// Times in the org's time zone (Registration Configuration), or, when it has none, in the browser's:
// the server's HTML says UTC until the page runs, then the browser's own zone (no hydration mismatch).
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useHydrated } from '@/components/form/use-hydrated';
import { formatDay, formatMoment, type Zone } from './format';

const OrgTimeZone = createContext<string | null>(null);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  return <OrgTimeZone.Provider value={timeZone}>{children}</OrgTimeZone.Provider>;
}

/** The zone to show times in now: the org's, else UTC in the server's HTML and the browser's after. */
export function useTimeZone(): Zone {
  const org = useContext(OrgTimeZone);
  const hydrated = useHydrated();
  return org ?? (hydrated ? null : 'UTC');
}

/** formatMoment in the zone of useTimeZone, for text that must be a string (an accessible name). */
export function useMomentFormat(): (iso: string | null | undefined) => string {
  const zone = useTimeZone();
  return useCallback((iso) => formatMoment(iso, zone), [zone]);
}

export function Moment({ iso }: { iso: string | null | undefined }) {
  const zone = useTimeZone();
  return <time dateTime={iso ?? undefined}>{formatMoment(iso, zone)}</time>;
}

export function Day({ iso }: { iso: string | null | undefined }) {
  const zone = useTimeZone();
  return <time dateTime={iso ?? undefined}>{formatDay(iso, zone)}</time>;
}
