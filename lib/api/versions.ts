// Versions on the wire (docs/api.md, "Versions"): the strong ETag "<version>" and the If-Match header.
import type { HeaderSource } from '@/lib/http/header-source';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The versions an If-Match header accepts, or null when it was not sent (or is `*`: any version). A weak
 * or malformed tag matches no version (If-Match compares strongly), so the write answers 412.
 */
export function ifMatchOf(req: { headers: HeaderSource }): number[] | null {
  const header = req.headers.get('if-match')?.trim();
  if (!header || header === '*') return null;
  return header
    .split(',')
    .map((tag) => /^"(\d{1,15})"$/.exec(tag.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
}
