'use client';

import { KeyRound, Trash2, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { orderIdentifiers, readableValue, typeName } from '@/components/customer/format';
import { customerIdsOf } from '@/components/registration/error-paths';
import { FormErrors } from '@/components/registration/form-errors';
import type { RegistrationFormValues } from '@/components/registration/form-values';
import { IdentifierRows } from '@/components/registration/identifier-rows';
import type { FormLevelError } from '@/components/registration/submit';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ProfileView } from '@/lib/customers/views';
import { accountQuery } from './edit-values';
import {
  changeProblems,
  identifierKey,
  serverProblem,
  toIdentifierChange,
  type ChangeProblem,
  type IdentifierRef,
} from './identifier-change';
import { StaleNotice } from './stale-notice';
import { useCustomerWrite, type EditTarget, type WriteWarning } from './use-customer-write';

/** `initial`: the account's values; the dialog adds rows to an empty identifier list. */
interface Props extends EditTarget {
  identifiers: ProfileView['identifiers'];
  accountLabel: string;
  onSaved: (saved: { warnings: WriteWarning[] }) => void;
}

/** "Change identifiers": remove some of the account's identifiers, add new ones, save all at once. */
export function ChangeIdentifiersDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <KeyRound aria-hidden="true" />
          Change identifiers
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Change identifiers · {props.accountLabel}</DialogTitle>
        <DialogDescription>
          Mark identifiers to remove and add new ones; “Save identifiers” applies everything at once, or nothing.
        </DialogDescription>
        {open && (
          <IdentifiersForm
            key={props.version}
            {...props}
            onDone={(saved) => {
              setOpen(false);
              if (saved) props.onSaved(saved);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function IdentifiersForm({
  config,
  customerId,
  version,
  initial,
  identifiers,
  onDone,
}: Props & { onDone: (saved: { warnings: WriteWarning[] } | null) => void }) {
  const form = useForm<RegistrationFormValues>({
    defaultValues: { ...initial, profiles: [{ ...initial.profiles[0], identifiers: [] }] },
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const [removed, setRemoved] = useState<IdentifierRef[]>([]);
  const write = useCustomerWrite(customerId, version);
  const isRemoved = (i: IdentifierRef) => removed.some((r) => identifierKey(r) === identifierKey(i));
  const toggle = (i: IdentifierRef) =>
    setRemoved((list) =>
      isRemoved(i)
        ? list.filter((r) => identifierKey(r) !== identifierKey(i))
        : [...list, { type: i.type, value: i.value }],
    );
  /** Problems next to their rows (the first one focused), the rest above the buttons with links. */
  function show(problems: ChangeProblem[]) {
    const formErrors: FormLevelError[] = [];
    let focused = false;
    for (const p of problems) {
      const customerIds = customerIdsOf(p);
      if (p.target) {
        // Targets name the value input of a row this form has (identifierTarget).
        form.setError(
          p.target as FieldPath<RegistrationFormValues>,
          { type: String(p.code), message: p.message },
          { shouldFocus: !focused },
        );
        focused = true;
      }
      if (!p.target || customerIds.length) formErrors.push({ code: p.code, message: p.message, customerIds });
    }
    write.setFormErrors(formErrors);
  }

  async function submit(values: RegistrationFormValues) {
    form.clearErrors();
    write.setFormErrors([]);
    const change = toIdentifierChange(values, removed);
    if (!change) {
      show([{ target: null, code: 0, message: 'Nothing to change: remove an identifier or add one.' }]);
      return;
    }
    const problems = changeProblems(change, config);
    if (problems.length) return show(problems);
    const { source, accountId } = values.profiles[0];
    const outcome = await write.send({
      method: 'POST',
      path: `/changeIdentifier${accountQuery(source, accountId)}`,
      body: change.body,
    });
    if (!outcome) return;
    if (outcome.ok) return onDone({ warnings: outcome.warnings });
    show(outcome.errors.map((e) => serverProblem(e, change.index)));
  }

  const listed = orderIdentifiers(identifiers, config.primaryIdentifier);
  const keptPrimary = listed.find((i) => i.type === config.primaryIdentifier && !isRemoved(i));
  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label="Change identifiers"
        className="flex flex-col gap-4"
      >
        <section aria-labelledby="current-identifiers" className="flex flex-col gap-2">
          <h3 id="current-identifiers" className="text-sm font-semibold text-slate-900">
            Current identifiers
          </h3>
          {listed.length ? (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {listed.map((i) => {
                const gone = isRemoved(i);
                return (
                  <li
                    key={identifierKey(i)}
                    className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm ${gone ? 'bg-red-50' : ''}`}
                  >
                    <span className="w-28 shrink-0 text-slate-600">{typeName(i.type)}</span>
                    <span className={`font-mono text-slate-900 ${gone ? 'line-through' : ''}`}>
                      {readableValue(i.type, i.value)}
                    </span>
                    {gone && <Badge variant="warning">To be removed</Badge>}
                    <Button variant="ghost" size="sm" className="ml-auto" onClick={() => toggle(i)}>
                      {gone ? <Undo2 aria-hidden="true" /> : <Trash2 aria-hidden="true" />}
                      {gone ? 'Keep identifier' : 'Remove identifier'}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">This account has no identifiers.</p>
          )}
        </section>
        <section aria-labelledby="new-identifiers" className="flex flex-col gap-2">
          <h3 id="new-identifiers" className="text-sm font-semibold text-slate-900">
            New identifiers
          </h3>
          <IdentifierRows config={config} />
          <PrimaryNote control={form.control} primaryType={config.primaryIdentifier} kept={keptPrimary?.value} />
        </section>
        {write.stale && <StaleNotice onReload={write.reload} reloading={write.refreshing} />}
        <FormErrors errors={write.formErrors} title="The identifiers were not changed" />
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 pt-4">
          <Button variant="outline" onClick={() => onDone(null)} disabled={write.busy}>
            Cancel
          </Button>
          <SubmitButton busy={write.busy} icon={KeyRound} busyLabel="Saving…">
            Save identifiers
          </SubmitButton>
        </div>
      </form>
    </FormProvider>
  );
}

/**
 * One primary per type in an account: a new identifier of the primary type next to a kept one is a
 * second, not a second primary. Said before saving, with the way to make the new one primary.
 */
function PrimaryNote({
  control,
  primaryType,
  kept,
}: {
  control: ReturnType<typeof useForm<RegistrationFormValues>>['control'];
  primaryType: string;
  kept: string | undefined;
}) {
  const rows = useWatch({ control, name: 'profiles.0.identifiers' });
  const adding = rows.some((r) => r.type === primaryType && r.value.trim() !== '');
  if (!kept || !adding) return null;
  const name = typeName(primaryType).toLowerCase();
  const keptText = readableValue(primaryType, kept);
  return (
    <p className="text-sm text-slate-600">
      {keptText} stays the primary {name}; the new one is added as another {name}. To make the new one primary, remove{' '}
      {keptText}.
    </p>
  );
}
