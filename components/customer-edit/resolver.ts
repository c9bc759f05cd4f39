// The edit forms' resolver: the API's own update schema (built from the org's configuration, as the
// registration's is) run on the body the form would send, plus the registration form's stricter
// check of channels the API would drop. Problems of fields the form does not show are left out.
import { toNestErrors } from '@hookform/resolvers';
import type { Resolver } from 'react-hook-form';
import type { RegistrationFormValues, RowIndex } from '@/components/registration/form-values';
import {
  droppedValueProblems,
  issueProblems,
  problemsToErrors,
  type FormProblem,
} from '@/components/registration/resolver';
import type { OrgConfig } from '@/lib/config/types';
import { buildCustomerUpdateSchema } from '@/lib/customers/care-schema';

/** What a form would send: the PUT body, and which form row each sent channel came from. */
export interface UpdateDraft {
  body: object;
  index: RowIndex;
}

export function updateProblems(
  values: RegistrationFormValues,
  config: OrgConfig,
  draft: UpdateDraft | null,
  shown: RegExp,
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (draft) {
    const result = buildCustomerUpdateSchema(config).safeParse(draft.body);
    if (!result.success) problems.push(...issueProblems(result.error.issues, values, draft.index));
  }
  problems.push(...droppedValueProblems(values, config));
  return problems.filter((p) => shown.test(p.target));
}

export function updateResolver(
  config: OrgConfig,
  shown: RegExp,
  draftOf: (values: RegistrationFormValues) => UpdateDraft | null,
): Resolver<RegistrationFormValues> {
  return async (values, _context, options) => {
    const problems = updateProblems(values, config, draftOf(values), shown);
    if (!problems.length) return { values, errors: {} };
    return { values: {}, errors: toNestErrors<RegistrationFormValues>(problemsToErrors(problems), options) };
  };
}
