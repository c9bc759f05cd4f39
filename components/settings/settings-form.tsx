'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { useHydrated } from '@/components/form/use-hydrated';
import type { SaveOrgConfigResult } from '@/lib/config/save';
import { SettingsSchema, type SettingsInput } from '@/lib/config/settings-schema';
import type { OrgConfig } from '@/lib/config/types';
import type { ExtendedFieldInfo } from './extended-fields-section';
import { SaveBar } from './save-bar';
import type { Outcome } from './save-outcome';
import { sectionsAt } from './sections';
import { SettingsFactsProvider } from './settings-part';

interface SettingsFormProps {
  /** The stored configuration's version, which `initial` is. */
  version: number;
  initial: SettingsInput;
  region: OrgConfig['region'];
  catalogue: ExtendedFieldInfo[];
  /** The server action: it checks the session and the org itself. */
  save: (input: SettingsInput) => Promise<SaveOrgConfigResult>;
  /** The page's part of the document (SettingsPart): the pages change, the form stays. */
  children: ReactNode;
}

const UNREACHABLE: SaveOrgConfigResult = {
  ok: false,
  fieldErrors: {},
  message: 'The server could not be reached. Nothing was saved; try again.',
};

/**
 * The Registration Configuration editor: one document, checked by the schema the server applies,
 * saved whole. It lives in the editor pages' layout, so an edit made on one page is still there on
 * the next and is saved with the rest.
 */
export function SettingsForm({ version, initial, region, catalogue, save, children }: SettingsFormProps) {
  const form = useForm<SettingsInput>({
    defaultValues: initial,
    resolver: zodResolver(SettingsSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const router = useRouter();
  const facts = useMemo(() => ({ region, catalogue }), [region, catalogue]);
  const hydrated = useHydrated();
  // The layout renders again after each save (router.refresh): unsaved edits stay. Only a version
  // the form neither opened with nor saved itself (another admin's save) replaces them with the
  // stored document.
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
      router.refresh(); // the History page and the stored version follow this save
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
    setOutcome({ ok: false, message: result.message, sections: sectionsAt(paths) });
  }

  function onInvalid(errors: object) {
    setOutcome({
      ok: false,
      message: 'Nothing was saved. Fix the highlighted fields and try again.',
      sections: sectionsAt(Object.keys(errors)),
    });
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onValid, onInvalid)} noValidate aria-label="Registration Configuration">
        {/* Disabled until hydrated: hydration would reset a box ticked before it, and the save would store the old value. */}
        <fieldset disabled={!hydrated} className="flex min-w-0 flex-col gap-5">
          <SettingsFactsProvider facts={facts}>{children}</SettingsFactsProvider>
          <SaveBar outcome={outcome} />
        </fieldset>
      </form>
    </FormProvider>
  );
}
