'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { z } from 'zod';
import { callApi, requestLevelMessage, type ApiErrorItem } from '@/components/form/api-request';
import type { RegistrationFormValues } from '@/components/registration/form-values';
import type { FormLevelError } from '@/components/registration/submit';
import type { OrgConfig } from '@/lib/config/types';

const WriteSuccessSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  warnings: z.array(z.object({ code: z.number(), message: z.string() })),
});
export type WriteWarning = z.infer<typeof WriteSuccessSchema>['warnings'][number];

/** What every edit control of the customer page is given. */
export interface EditTarget {
  config: OrgConfig;
  customerId: number;
  /** The customer's version this page was rendered with: every write sends it as If-Match. */
  version: number;
  /** The values as the page shows them (the registration form's shape). */
  initial: RegistrationFormValues;
}

export interface CustomerWrite {
  method: 'PUT' | 'POST';
  /** After /v2/customers/{id}: "?source=INSTORE" or "/changeIdentifier?source=…". */
  path: string;
  body: unknown;
}

/** What the form must place itself: the data's problems. Everything else the hook shows. */
export type WriteOutcome = { ok: true; warnings: WriteWarning[] } | { ok: false; errors: ApiErrorItem[] } | null;

/**
 * Sends a change of the customer with `If-Match` set to the version the page was rendered with
 * (docs/api.md, versions): someone else's change in the meantime answers 412, and the form keeps
 * what was typed and offers to reload. A success refreshes the page's data.
 */
export function useCustomerWrite(customerId: number, version: number) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [stale, setStale] = useState(false);
  const [formErrors, setFormErrors] = useState<FormLevelError[]>([]);
  const mutation = useMutation({
    mutationFn: (w: CustomerWrite) =>
      callApi(
        {
          method: w.method,
          url: `/v2/customers/${customerId}${w.path}`,
          body: w.body,
          headers: { 'if-match': `"${version}"` },
        },
        WriteSuccessSchema,
      ),
  });

  const refresh = () => startRefresh(() => router.refresh());

  async function send(write: CustomerWrite): Promise<WriteOutcome> {
    setFormErrors([]);
    setStale(false);
    let result;
    try {
      result = await mutation.mutateAsync(write);
    } catch {
      setFormErrors([
        { code: 0, message: 'The server could not be reached. Nothing was saved; try again.', customerIds: [] },
      ]);
      return null;
    }
    if (result.ok) {
      refresh();
      return { ok: true, warnings: result.data.warnings };
    }
    if (result.status === 412) {
      setStale(true);
      return null;
    }
    const level = requestLevelMessage(result.status, result.errors);
    if (level) {
      setFormErrors([{ code: result.status, message: level, customerIds: [] }]);
      return null;
    }
    return { ok: false, errors: result.errors };
  }

  return {
    send,
    /** Shows the customer as it is now (the page re-renders with the new version). */
    reload: refresh,
    busy: mutation.isPending,
    refreshing,
    stale,
    formErrors,
    setFormErrors,
  };
}
