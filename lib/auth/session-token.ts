// The staff session as next-auth stores it: an encrypted JWT in a cookie whose name depends on
// whether the site runs on https. Pure helpers, shared by the API wrapper, pages and the proxy.
import { z } from 'zod';
import { STAFF_ROLES } from '@/lib/vocabulary';

/** Secure name first: on https next-auth sets only that one. */
export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** What the session carries (our claims in next-auth's JWT). */
export const StaffClaimsSchema = z.object({
  userId: z.number().int().positive(),
  orgId: z.number().int().positive(),
  role: z.enum(STAFF_ROLES),
  name: z.string(),
  email: z.string(),
});
export type StaffClaims = z.infer<typeof StaffClaimsSchema>;

/** Claims of a decoded token, or null when it is not one of ours. */
export function staffClaimsOf(payload: unknown): StaffClaims | null {
  const parsed = StaffClaimsSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      out.set(name, raw);
    }
  }
  return out;
}

/** The session token, joined back together when next-auth split it into `.0`, `.1`, ... chunks. */
export function sessionTokenOf(get: (name: string) => string | undefined): string | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; ; i++) {
      const chunk = get(`${name}.${i}`);
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    if (chunks.length) return chunks.join('');
  }
  return null;
}
