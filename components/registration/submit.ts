// POST /v2/customers from the browser, with the session cookie: the one registration the API has.
import { z } from 'zod';
import type { RegistrationRequest } from '@/lib/customers/request-schema';
import { customerIdsOf, errorTargetOf, parseFieldPath } from './error-paths';
import type { RegistrationFormValues, RowIndex } from './form-values';
import { RegistrationOutcomeSchema, type RegistrationOutcome } from './outcome-store';
import type { FormProblem } from './resolver';

const SuccessSchema = RegistrationOutcomeSchema.extend({ createdId: z.number().int().positive() });
const FailureSchema = z.object({
  errors: z.array(z.object({ code: z.number(), message: z.string(), field: z.string().optional() })).min(1),
});
export type ApiErrorItem = z.infer<typeof FailureSchema>['errors'][number];

export type SubmitResult =
  | { ok: true; data: RegistrationOutcome & { createdId: number } }
  | { ok: false; status: number; errors: ApiErrorItem[] };

export async function postRegistration(request: RegistrationRequest): Promise<SubmitResult> {
  const res = await fetch('/v2/customers', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
  });
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const success = SuccessSchema.safeParse(body);
    if (success.success) return { ok: true, data: success.data };
  }
  const failure = FailureSchema.safeParse(body);
  if (failure.success) return { ok: false, status: res.status, errors: failure.data.errors };
  return {
    ok: false,
    status: res.status,
    errors: [
      {
        code: res.status,
        message: `Unexpected answer from the server (HTTP ${res.status}). Nothing may have been saved; search before trying again.`,
      },
    ],
  };
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

/** Messages for failures that are not about the data. */
export function requestLevelMessage(status: number, errors: ApiErrorItem[]): string | null {
  if (status === 401) return 'Your session has ended. Sign in again in a new tab, then submit this form once more.';
  if (status === 429) return 'Too many requests for your organisation right now. Wait a moment and try again.';
  if (status >= 500) return errors[0]?.message ?? 'The server failed. Nothing was saved; try again.';
  return null;
}
