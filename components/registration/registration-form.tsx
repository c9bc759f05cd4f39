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
          {config.customFields.length > 0 && (
            <Section title="Custom fields">
              <TypedFieldGrid fields={config.customFields} prefix="profiles.0.fields" />
            </Section>
          )}
          {extended.length > 0 && (
            <Section title="Extended fields">
              <TypedFieldGrid fields={extended} prefix="extendedFields" />
            </Section>
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
