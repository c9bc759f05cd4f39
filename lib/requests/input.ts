// What the request routes read of a call: who acts, the request id of the path, the body by its schema.
import type { z } from 'zod';
import type { AuthedCtx } from '@/lib/api/handler';
import { issuesToErrors } from '@/lib/customers/issues';
import { ApiError } from '@/lib/errors';
import type { RequestActor } from './requests';

export function requestActorOf(ctx: Pick<AuthedCtx<unknown>, 'actor' | 'requestId' | 'userContext'>): RequestActor {
  return { actor: ctx.actor, requestId: ctx.requestId, userContext: ctx.userContext };
}

/** Not an id answers like an unknown one: 9050. */
export function requestIdOf(raw: string | undefined): number {
  if (!/^[1-9]\d{0,15}$/.test(raw ?? '')) throw ApiError.of(9050);
  return Number(raw);
}

export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  return parsed.data;
}
