// What the administration services share: who acts (for the admin log), parsing a body into the
// envelope's 400s, before → after of the values a change touched, and the unique-key refusals.
import type { z } from 'zod';
import type { HistoryChange } from '@/db/schema';
import { pgErrorCode, pgErrorConstraint, UNIQUE_VIOLATION } from '@/db/errors';
import { issuesToErrors } from '@/lib/customers/issues';
import { ApiError } from '@/lib/errors';

/** The admin acting, in their org, from one request. */
export interface AdminActor {
  orgId: number;
  type: string;
  code: string;
  requestId: string;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

/** A path id that is not a positive integer answers like an unknown one. */
export function parseIdOrThrow(raw: string | undefined): number {
  const id = /^[1-9]\d{0,9}$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw ApiError.of(404);
  return id;
}

/** The changes of `next` against `current`, for the keys `next` names (undefined = not sent). */
export function changesOf<T extends Record<string, unknown>>(current: T, next: Partial<T>): HistoryChange[] {
  const out: HistoryChange[] = [];
  for (const [path, after] of Object.entries(next)) {
    if (after === undefined) continue;
    // null, not absent, when there was none: as the history's changes (and the OpenAPI document) say.
    const before = current[path] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before, after });
  }
  return out;
}

/** Runs `fn`; a unique violation of `constraint` becomes `refusal`. */
export async function refusingDuplicate<T>(
  constraint: string,
  refusal: () => ApiError,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION && pgErrorConstraint(err) === constraint) throw refusal();
    throw err;
  }
}

/** The acting admin of a route's context. */
export function adminActorOf(ctx: {
  actor: { orgId: number; type: string; code: string };
  requestId: string;
}): AdminActor {
  return { orgId: ctx.actor.orgId, type: ctx.actor.type, code: ctx.actor.code, requestId: ctx.requestId };
}
