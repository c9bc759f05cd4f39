import { randomUUID } from 'node:crypto';
import type { HeaderSource } from '@/lib/http/header-source';

const SANE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The client's X-Request-Id if it is sane (at most 128 of A-Za-z0-9-_), else a new one. */
export function requestIdOf(req: { headers: HeaderSource }): string {
  const given = req.headers.get('x-request-id');
  return given && SANE_ID.test(given) ? given : randomUUID();
}

const USER_CONTEXT_HEADERS = {
  'user-context-entity-type': 'entityType',
  'user-context-entity-id': 'entityId',
  'user-context-entity-source': 'entitySource',
  'user-context-entity-source-id': 'entitySourceId',
} as const;

/** The optional USER-CONTEXT-ENTITY-* audit headers, trimmed and bounded; null when none was sent. */
export function userContextOf(req: { headers: HeaderSource }): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [header, key] of Object.entries(USER_CONTEXT_HEADERS)) {
    const value = req.headers.get(header)?.trim();
    if (value) out[key] = value.slice(0, 255);
  }
  return Object.keys(out).length ? out : null;
}
