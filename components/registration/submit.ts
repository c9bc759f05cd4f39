// POST /v2/customers from the browser, with the session cookie: the one registration the API has.
import { z } from 'zod';
import { callApi, type ApiErrorItem, type ApiResult } from '@/components/form/api-request';
import type { RegistrationRequest } from '@/lib/customers/request-schema';
import { customerIdsOf, errorTargetOf, parseFieldPath } from './error-paths';
import type { RegistrationFormValues, RowIndex } from './form-values';
import { RegistrationOutcomeSchema, type RegistrationOutcome } from './outcome-store';
import type { FormProblem } from './resolver';

export { requestLevelMessage, type ApiErrorItem } from '@/components/form/api-request';

const SuccessSchema = RegistrationOutcomeSchema.extend({ createdId: z.number().int().positive() });

export type SubmitResult = ApiResult<RegistrationOutcome & { createdId: number }>;

export function postRegistration(request: RegistrationRequest): Promise<SubmitResult> {
  return callApi({ method: 'POST', url: '/v2/customers', body: request }, SuccessSchema);
}

export interface FormLevelError {
  code: number;
  message: string;
  customerIds: number[];
}

/** The server's errors: those naming a field go next to it; the rest (and 8006/8052) above the button. */
export function splitServerErrors(
  errors: ApiErrorItem[],
  values: RegistrationFormValues,
  index: RowIndex,
): { fieldErrors: FormProblem[]; formErrors: FormLevelError[] } {
  const fieldErrors: FormProblem[] = [];
  const formErrors: FormLevelError[] = [];
  for (const e of errors) {
    const customerIds = customerIdsOf(e);
    const target = e.field ? errorTargetOf(parseFieldPath(e.field), e.code, values, index) : null;
    if (target && !target.startsWith('root.form')) fieldErrors.push({ target, message: e.message, code: e.code });
    if (!target || target.startsWith('root.form') || customerIds.length)
      formErrors.push({ code: e.code, message: e.message, customerIds });
  }
  return { fieldErrors, formErrors };
}
