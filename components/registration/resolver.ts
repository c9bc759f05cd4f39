// The form's resolver: the API's own schema, built from the same Registration Configuration, run on
// the request the form would send. One rule set; issues land on the fields they name.
import { toNestErrors } from '@hookform/resolvers';
import type { z } from 'zod';
import type { FieldError, Resolver } from 'react-hook-form';
import type { OrgConfig } from '@/lib/config/types';
import { droppedChannelWarning, droppedIdentifierWarning } from '@/lib/customers/normalise';
import { buildRegistrationSchema } from '@/lib/customers/registration-schema';
import { MAX_VALUE_LENGTH, normaliseIdentifierValue } from '@/lib/customers/identifier-values';
import { canonicalChannelType, canonicalIdentifierType } from '@/lib/vocabulary';
import { warningItem } from '@/lib/errors';
import { errorTargetOf, type PathPart } from './error-paths';
import { toRegistrationRequest, type RegistrationFormValues, type RowIndex } from './form-values';

export interface FormProblem {
  target: string;
  message: string;
  code?: number;
}

const codeOf = (params: unknown): number | undefined => {
  const code = (params as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * What the API would silently drop (an invalid secondary email, a bad channel mobile) is an error
 * here: a cashier who typed it meant it. Same validators as the engine, so the same verdicts.
 */
export function droppedValueProblems(values: RegistrationFormValues, config: OrgConfig): FormProblem[] {
  const out: FormProblem[] = [];
  values.profiles[0].identifiers.forEach((row, i) => {
    const type = canonicalIdentifierType(row.type);
    if (!row.value.trim() || !type || type === config.primaryIdentifier) return;
    if (normaliseIdentifierValue(type, row.value, config) !== null) return;
    const message = warningItem(droppedIdentifierWarning(type), { type }).message;
    out.push({ target: `profiles.0.identifiers.${i}.value`, message });
  });
  values.profiles[0].commChannels.forEach((row, i) => {
    const type = canonicalChannelType(row.type);
    if (!row.value.trim() || !type || normaliseIdentifierValue(type, row.value, config) !== null) return;
    const warning = droppedChannelWarning(type);
    const message = warning === null ? `At most ${MAX_VALUE_LENGTH} characters` : warningItem(warning).message;
    out.push({ target: `profiles.0.commChannels.${i}.value`, message });
  });
  return out;
}

/** Problems of the form's values: the schema's issues, then the stricter checks above. */
export function validateRegistration(
  values: RegistrationFormValues,
  config: OrgConfig,
): { problems: FormProblem[]; index: RowIndex } {
  const { request, index } = toRegistrationRequest(values);
  const result = buildRegistrationSchema(config).safeParse(request);
  const problems = result.success ? [] : issueProblems(result.error.issues, values, index);
  problems.push(...droppedValueProblems(values, config));
  return { problems, index };
}

/** A schema's issues on the request the form would send, placed on the form's fields. */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  values: RegistrationFormValues,
  index: RowIndex,
): FormProblem[] {
  return issues.map((issue) => {
    const code = issue.code === 'custom' ? codeOf(issue.params) : undefined;
    const path = issue.path.filter((part): part is PathPart => typeof part !== 'symbol');
    return { target: errorTargetOf(path, code, values, index), message: issue.message, code };
  });
}

/** First problem per target wins: the one nearest the start of the form. */
export function problemsToErrors(problems: FormProblem[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const p of problems)
    errors[p.target] ??= { type: p.code === undefined ? 'validate' : String(p.code), message: p.message };
  return errors;
}

export function registrationResolver(config: OrgConfig): Resolver<RegistrationFormValues> {
  return async (values, _context, options) => {
    const { problems } = validateRegistration(values, config);
    if (!problems.length) return { values, errors: {} };
    return { values: {}, errors: toNestErrors<RegistrationFormValues>(problemsToErrors(problems), options) };
  };
}
