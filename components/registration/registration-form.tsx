'use client';

import { UserPlus } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useHydrated } from '@/components/form/use-hydrated';
import { SubmitButton } from '@/components/ui/submit-button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { OrgConfig } from '@/lib/config/types';
import { ChannelRows } from './channel-rows';
import { FormErrors, revealFirstProblem } from './form-errors';
import { defaultFormValues, prefillFromSearch, type RegistrationFormValues } from './form-values';
import { IdentifierRows } from './identifier-rows';
import { LoyaltySection } from './loyalty-section';
import { PersonSection } from './person-section';
import { registrationResolver } from './resolver';
import { TypedFieldGrid } from './typed-field';
import { useRegisterCustomer } from './use-register-customer';

/** A part of the form, a region named by its title ("Custom fields" and "Extended fields" may share labels). */
function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** The registration form, generated from the org's Registration Configuration. */
export function RegistrationForm({
  config,
  prefill = '',
  loyaltyDetails = false,
}: {
  config: OrgConfig;
  prefill?: string;
  /** May set points, tiers and expiry dates (admins: docs/api.md, "Access"). */
  loyaltyDetails?: boolean;
}) {
  const resolver = useMemo(() => registrationResolver(config), [config]);
  // `prefill`: what a search that found nobody had typed (?q=), carried over.
  const defaultValues = useMemo(() => prefillFromSearch(defaultFormValues(config), prefill, config), [config, prefill]);
  const form = useForm<RegistrationFormValues>({
    defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus goes where revealFirstProblem puts it, once the messages have rendered.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped after each failed submit (in the browser or by the server): the problem is brought into view.
  const [failures, setFailures] = useState(0);
  const onFailure = () => setFailures((n) => n + 1);
  const { submit, busy, formErrors } = useRegisterCustomer(form.setError, onFailure);
  // react-hook-form drops `root` errors before deciding to send, and then passes the resolver's
  // values of a failed check (none): a section's problem alone must stop the request too.
  const onValid = (values: RegistrationFormValues) => ('profiles' in values ? submit(values) : onFailure());
  const { customer: extended } = config.extendedFields;
  // At the counter: what the admin chose, and whatever is mandatory; the rest under "More details".
  const shown = (f: { atCounter: boolean; mandatory: boolean }) => f.atCounter || f.mandatory;
  const counter = { custom: config.customFields.filter(shown), extended: extended.filter(shown) };
  const more = {
    custom: config.customFields.filter((f) => !shown(f)),
    extended: extended.filter((f) => !shown(f)),
  };
  const hydrated = useHydrated();

  // The page loads with focus in the first field a clerk types into, once it can be typed into.
  const { setFocus } = form;
  useEffect(() => {
    if (hydrated) setFocus('profiles.0.firstName');
  }, [hydrated, setFocus]);

  useEffect(() => {
    if (failures === 0) return;
    const frame = requestAnimationFrame(() => revealFirstProblem(formRef.current));
    return () => cancelAnimationFrame(frame);
  }, [failures]);

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={form.handleSubmit(onValid, onFailure)}
        noValidate
        aria-label="Customer registration"
      >
        {/* Disabled until hydrated: hydration would undo what was typed or chosen before it. */}
        <fieldset disabled={!hydrated} className="flex min-w-0 flex-col gap-5">
          <Section title="Customer">
            <PersonSection config={config} />
          </Section>
          <Section title="Identifiers" description="At least one. Mandatory types have their own rows.">
            <IdentifierRows config={config} />
          </Section>
          <Section title="Communication channels">
            <ChannelRows />
          </Section>
          {counter.custom.length > 0 && (
            <Section title="Custom fields">
              <TypedFieldGrid fields={counter.custom} prefix="profiles.0.fields" />
            </Section>
          )}
          {counter.extended.length > 0 && (
            <Section title="Extended fields">
              <TypedFieldGrid fields={counter.extended} prefix="extendedFields" />
            </Section>
          )}
          {(more.custom.length > 0 || more.extended.length > 0) && (
            // The fields the admin keeps off the counter: one click (or Enter on the summary) away.
            <details className="group flex flex-col gap-5">
              <summary className="cursor-pointer rounded-md px-1 py-2 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
                More details
                <span className="ml-2 font-normal text-slate-500">
                  ({more.custom.length + more.extended.length} optional fields)
                </span>
              </summary>
              <div className="mt-3 flex flex-col gap-5">
                {more.custom.length > 0 && (
                  <Section title="Other custom fields">
                    <TypedFieldGrid fields={more.custom} prefix="profiles.0.fields" />
                  </Section>
                )}
                {more.extended.length > 0 && (
                  <Section title="Other extended fields">
                    <TypedFieldGrid fields={more.extended} prefix="extendedFields" />
                  </Section>
                )}
              </div>
            </details>
          )}
          <Section title="Loyalty and status">
            <LoyaltySection config={config} loyaltyDetails={loyaltyDetails} />
          </Section>
          <FormErrors errors={formErrors} />
          <div className="sticky bottom-0 -mx-4 flex items-center justify-end gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
            <p className="mr-auto text-xs text-slate-500">
              <span aria-hidden="true" className="text-red-600">
                *
              </span>{' '}
              mandatory
            </p>
            <SubmitButton busy={busy} icon={UserPlus} busyLabel="Registering…">
              Register customer
            </SubmitButton>
          </div>
        </fieldset>
      </form>
    </FormProvider>
  );
}
