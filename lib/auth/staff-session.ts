// The browser's caller: the next-auth session of a staff member, read from the request's cookies.
import type { Actor } from '@/lib/api/actor';

export async function authenticateStaffSession(req: Request): Promise<Actor | null> {
  void req;
  return null;
}
