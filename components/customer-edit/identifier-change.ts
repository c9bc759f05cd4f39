// The "Change identifiers" dialog's request: the account's identifiers marked for removal, and the
// new rows (the registration form's identifier rows) to add, as one POST …/changeIdentifier body
// (docs/api.md): all applied at once or nothing. A new mobile is a removal plus an addition.
import {
  toRegistrationRequest,
  type RegistrationFormValues,
  type RowIndex,
} from '@/components/registration/form-values';
import type { ApiErrorItem } from '@/components/form/api-request';
import { parseFieldPath, type PathPart } from '@/components/registration/error-paths';
import type { OrgConfig } from '@/lib/config/types';
import { buildIdentifierChangeSchema } from '@/lib/customers/care-schema';

export interface IdentifierRef {
  type: string;
  value: string;
}

export const identifierKey = (i: IdentifierRef) => `${i.type}\u0000${i.value}`;

export interface IdentifierChange {
  body: {
    add: NonNullable<ReturnType<typeof toRegistrationRequest>['request']['profiles'][number]['identifiers']>;
    remove: IdentifierRef[];
  };
  /** Which form row each `add` entry came from (blank rows are not sent). */
  index: RowIndex;
}

/** The body, or null when nothing is removed and nothing added. */
export function toIdentifierChange(values: RegistrationFormValues, removed: IdentifierRef[]): IdentifierChange | null {
  const { request, index } = toRegistrationRequest(values);
  const add = request.profiles[0]?.identifiers ?? [];
  if (!add.length && !removed.length) return null;
  return { body: { add, remove: removed.map(({ type, value }) => ({ type, value })) }, index };
}

export interface ChangeProblem {
  /** The value input of the row it concerns; null: the change as a whole. */
  target: string | null;
  code: number;
  message: string;
}

/** An `add[i]` problem belongs to the row it came from; the rest to the change as a whole. */
export function identifierTarget(path: PathPart[], index: RowIndex): string | null {
  const [list, row] = path;
  if (list !== 'add' || typeof row !== 'number') return null;
  const formRow = index.identifiers[row];
  return formRow === undefined ? null : `profiles.0.identifiers.${formRow}.value`;
}

/** The API's own identifier-change schema (8130, 8121, 8114, mandatory types …) on the body to send. */
export function changeProblems(change: IdentifierChange, config: OrgConfig): ChangeProblem[] {
  const result = buildIdentifierChangeSchema(config).safeParse(change.body);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const coded = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    const path = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
    return {
      target: identifierTarget(path, change.index),
      code: typeof coded === 'number' ? coded : 400,
      message: issue.message,
    };
  });
}

/** Where a server error shows, as for the schema's problems. */
export function serverProblem(error: ApiErrorItem, index: RowIndex): ChangeProblem {
  return {
    target: error.field ? identifierTarget(parseFieldPath(error.field), index) : null,
    code: error.code,
    message: error.message,
  };
}
