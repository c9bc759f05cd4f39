// A write's errors, placed as registration places them: next to the field they name when this form
// shows it, else above the buttons (with a link when they name a customer).
import type { FieldPath, UseFormSetError } from 'react-hook-form';
import type { ApiErrorItem } from '@/components/form/api-request';
import type { RegistrationFormValues, RowIndex } from '@/components/registration/form-values';
import { splitServerErrors, type FormLevelError } from '@/components/registration/submit';

export function applyServerErrors(
  errors: ApiErrorItem[],
  values: RegistrationFormValues,
  index: RowIndex,
  shown: RegExp,
  setError: UseFormSetError<RegistrationFormValues>,
): FormLevelError[] {
  const split = splitServerErrors(errors, values, index);
  const formErrors = [...split.formErrors];
  const placed = split.fieldErrors.filter((p) => {
    if (shown.test(p.target)) return true;
    formErrors.push({ code: p.code ?? 0, message: p.message, customerIds: [] });
    return false;
  });
  placed.forEach((p, i) => {
    // Targets come from errorTargetOf and passed `shown`: fields this form has.
    const name = p.target as FieldPath<RegistrationFormValues>;
    setError(name, { type: String(p.code ?? 'server'), message: p.message }, { shouldFocus: i === 0 });
  });
  return formErrors;
}
