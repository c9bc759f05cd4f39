'use client';
// One way for the administration pages' add/edit dialogs to save: the Dialog's open state (closing or
// opening it clears the errors), the pending state while the request runs, and the API's refusal
// mapped onto the dialog's fields, with a form-level message for what belongs to no field.
import { useState } from 'react';
import { refusalMessage, type ApiResult } from '@/components/form/api-request';
import { Alert } from '@/components/ui/alert';

/** The field an API error path (`url`, `access[0]`, `webHookHeaders.X`) names, or `form`. */
const fieldOf = (path: string | undefined, fields: readonly string[]) => {
  const head = (path ?? 'form').split(/[.[]/)[0]!;
  return fields.includes(head) ? head : 'form';
};

/**
 * `dialog` goes on the Dialog; `save(fields, send, onSaved)` runs `send` (a refusal's errors land on
 * `fields` or the form; a lost server says nothing was saved) and on success closes the dialog.
 */
export function useAdminDialog() {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function save<T>(fields: readonly string[], send: () => Promise<ApiResult<T>>, onSaved: (data: T) => void) {
    setPending(true);
    try {
      const res = await send();
      if (!res.ok) {
        const byField: Record<string, string> = {};
        for (const e of res.errors) byField[fieldOf(e.field, fields)] ??= e.message;
        if (Object.keys(byField).every((k) => k === 'form')) byField.form = refusalMessage(res);
        return setErrors(byField);
      }
      setErrors({});
      setOpen(false);
      onSaved(res.data);
    } catch {
      setErrors({ form: 'The server could not be reached. Nothing was saved.' });
    } finally {
      setPending(false);
    }
  }

  const dialog = {
    open,
    onOpenChange: (o: boolean) => {
      setOpen(o);
      setErrors({});
    },
  };
  return { dialog, errors, pending, save };
}

/** The dialog's form-level message (a refusal for no field, or a lost server). */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <Alert variant="destructive" role="alert">
      {message}
    </Alert>
  ) : null;
}
