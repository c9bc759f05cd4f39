'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { useHydrated } from '@/components/form/use-hydrated';
import type { SaveOrgConfigResult } from '@/lib/config/save';
import { SettingsSchema, type SettingsInput } from '@/lib/config/settings-schema';
import type { OrgConfig } from '@/lib/config/types';
import { CardSeriesSection } from './card-series-section';
import { CustomFieldsSection } from './custom-fields-section';
import { ExtendedFieldsSection, type ExtendedFieldInfo } from './extended-fields-section';
import { IdentifiersSection } from './identifiers-section';
import { MobileSection } from './mobile-section';
import { TimeZoneSection } from './time-zone-section';
import { ProgramsSection } from './programs-section';
import { RateLimitSection } from './rate-limit-section';
import { RequestsSection } from './requests-section';
import { SaveBar } from './save-bar';
import type { Outcome } from './save-outcome';
import { sectionsWithProblems } from './sections';
import { SourcesSection } from './sources-section';
import { StatusLabelsSection } from './status-labels-section';
import { TillsSection } from './tills-section';

interface SettingsFormProps {
  /** The stored configuration's version, which `initial` is. */
  version: number;
  initial: SettingsInput;
  region: OrgConfig['region'];
  catalogue: ExtendedFieldInfo[];
  /** The server action: it checks the session and the org itself. */
  save: (input: SettingsInput) => Promise<SaveOrgConfigResult>;
}

const UNREACHABLE: SaveOrgConfigResult = {
  ok: false,
  fieldErrors: {},
  message: 'The server could not be reached. Nothing was saved; try again.',
};

/** The Registration Configuration editor: one document, checked by the schema the server applies. */
export function SettingsForm({ version, initial, region, catalogue, save }: SettingsFormProps) {
  const form = useForm<SettingsInput>({
    defaultValues: initial,
    resolver: zodResolver(SettingsSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const router = useRouter();
  const hydrated = useHydrated();
  // The page renders again after each save (for the history) and on history paging: unsaved edits
  // stay. Only a version the form neither opened with nor saved itself (another admin's save)
  // replaces them with the stored document.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const shownVersion = useRef(version);
  useEffect(() => {
    const known = version === shownVersion.current || version === savedVersion;
    shownVersion.current = version;
    if (!known) form.reset(initial);
  }, [version, savedVersion, initial, form]);

  async function onValid(values: SettingsInput) {
    setOutcome(null);
    const result = await save(values).catch(() => UNREACHABLE);
    if (result.ok) {
      // The stored document: new labels and tills now carry their ids.
      setSavedVersion(result.data.version);
      form.reset(result.data.settings);
      setOutcome({
        ok: true,
        message: `Configuration saved (version ${result.data.version}). The next registration, by form or API, follows it.`,
      });
      router.refresh(); // the history below lists this save
      return;
    }
    const paths = Object.keys(result.fieldErrors);
    paths.forEach((path, i) => {
      form.setError(
        path as FieldPath<SettingsInput>,
        { type: 'server', message: result.fieldErrors[path] },
        { shouldFocus: i === 0 },
      );
    });
    setOutcome({ ok: false, message: result.message, sections: sectionsWithProblems(paths) });
  }

  function onInvalid(errors: object) {
    setOutcome({
      ok: false,
      message: 'Nothing was saved. Fix the highlighted fields and try again.',
      sections: sectionsWithProblems(Object.keys(errors)),
    });
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onValid, onInvalid)} noValidate aria-label="Registration Configuration">
        {/* Disabled until hydrated: hydration would reset a box ticked before it, and the save would store the old value. */}
        <fieldset disabled={!hydrated} className="flex min-w-0 flex-col gap-5">
          <IdentifiersSection />
          <MobileSection />
          <TimeZoneSection />
          <SourcesSection />
          <CustomFieldsSection />
          <ExtendedFieldsSection catalogue={catalogue} />
          <StatusLabelsSection />
          <CardSeriesSection />
          <TillsSection />
          <ProgramsSection />
          <RateLimitSection region={region} />
          <RequestsSection />
          <SaveBar outcome={outcome} />
        </fieldset>
      </form>
    </FormProvider>
  );
}
