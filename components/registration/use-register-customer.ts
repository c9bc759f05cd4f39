'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FieldPath, UseFormSetError } from 'react-hook-form';
import { toRegistrationRequest, type RegistrationFormValues } from './form-values';
import { saveRegistrationOutcome } from './outcome-store';
import { postRegistration, requestLevelMessage, splitServerErrors, type FormLevelError } from './submit';

/** Submits the form's values to POST /v2/customers; on success opens the customer, else shows why. */
export function useRegisterCustomer(setError: UseFormSetError<RegistrationFormValues>, onFailure: () => void) {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<FormLevelError[]>([]);
  const mutation = useMutation({ mutationFn: postRegistration });

  async function submit(values: RegistrationFormValues) {
    setFormErrors([]);
    const { request, index } = toRegistrationRequest(values);
    let result;
    try {
      result = await mutation.mutateAsync(request);
    } catch {
      onFailure();
      setFormErrors([
        {
          code: 0,
          message: 'The server could not be reached. Check the connection, search for the customer, then try again.',
          customerIds: [],
        },
      ]);
      return;
    }
    if (result.ok) {
      const { createdId, warnings, sideEffects } = result.data;
      saveRegistrationOutcome(createdId, { warnings, sideEffects });
      router.push(`/member-care/ui/customer/${createdId}`);
      return;
    }
    onFailure();
    const level = requestLevelMessage(result.status, result.errors);
    if (level) {
      setFormErrors([{ code: result.status, message: level, customerIds: [] }]);
      return;
    }
    const split = splitServerErrors(result.errors, values, index);
    for (const p of split.fieldErrors) {
      // Targets come from errorTargetOf, which only names fields that exist in these values.
      const name = p.target as FieldPath<RegistrationFormValues>;
      setError(name, { type: String(p.code ?? 'server'), message: p.message });
    }
    setFormErrors(split.formErrors);
  }

  // Still "registering" after success, until the customer page has replaced this one.
  const busy = mutation.isPending || mutation.data?.ok === true;
  return { submit, busy, formErrors };
}
