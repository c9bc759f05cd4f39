// Problems a save finds, keyed by the form path of the control (or list) to fix. They end the
// transaction (SettingsRejected) and come back to the form as `fieldErrors`.
import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '@/db/errors';

export type FieldErrors = Record<string, string>;

export class SettingsRejected extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsRejected';
  }
}

export class Problems {
  readonly fieldErrors: FieldErrors = {};

  add(path: string, message: string): void {
    const before = this.fieldErrors[path];
    this.fieldErrors[path] = before ? `${before} ${message}` : message;
  }

  throwIfAny(message = 'Nothing was saved. Fix the highlighted fields and try again.'): void {
    if (Object.keys(this.fieldErrors).length) throw new SettingsRejected(this.fieldErrors, message);
  }
}

/** Schema issues as field errors: the first message for each path. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'root';
    out[path] ??= issue.message;
  }
  return out;
}

/**
 * Runs one write in a savepoint. A foreign-key or unique refusal rolls back that write alone and is
 * returned (the caller names the row); anything else is a real failure and propagates.
 */
export async function attempt(tx: Tx, write: (sp: Tx) => Promise<void>): Promise<'in-use' | 'taken' | null> {
  try {
    await tx.transaction(write);
    return null;
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === FOREIGN_KEY_VIOLATION) return 'in-use';
    if (code === UNIQUE_VIOLATION) return 'taken';
    throw err;
  }
}
