// A cookie travels with cross-site requests too; a write must come from our own pages.
import type { HeaderSource } from '@/lib/http/header-source';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a request may act with the session cookie: reads always; writes only when the browser
 * says it is same-origin (Origin, when present, names our host; Sec-Fetch-Site is not cross-site).
 */
export function isSameOriginOrSafe(req: { method: string; headers: HeaderSource }): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  if (req.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = req.headers.get('origin');
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const hosts = [req.headers.get('host'), req.headers.get('x-forwarded-host')]
    .flatMap((h) => (h ? h.split(',') : []))
    .map((h) => h.trim().toLowerCase());
  return hosts.includes(originHost);
}
