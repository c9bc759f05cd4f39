'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import type { ProgramSettings, SettingsInput } from '@/lib/config/settings-schema';
import { ListError } from './fields';
import { ProgramFields } from './program-fields';
import { AddButton, EmptyNote, SettingsSection } from './section';

const newProgram = (id: number, first: boolean): ProgramSettings => ({
  id,
  name: '',
  type: first ? 'DEFAULT' : 'SUPPLEMENTARY',
  referralBonusPoints: null,
  tiers: [{ number: 1, name: '' }],
  benefits: [],
});

export function ProgramsSection() {
  const { control, getValues } = useFormContext<SettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'programs', keyName: 'key' });
  const add = () => {
    const programs = getValues('programs');
    append(newProgram(Math.max(0, ...programs.map((p) => p.id ?? 0)) + 1, programs.length === 0));
  };
  return (
    <SettingsSection
      id="loyalty-programs"
      title="Loyalty programs"
      description="Programs customers can enrol in at registration, their tiers, and what enrolling gives. One program at most is the DEFAULT."
    >
      {fields.length === 0 && <EmptyNote>No loyalty programs.</EmptyNote>}
      {fields.map((field, i) => (
        <ProgramFields key={field.key} index={i} onRemove={() => remove(i)} />
      ))}
      <ListError name="programs" />
      <AddButton onClick={add}>Add loyalty program</AddButton>
    </SettingsSection>
  );
}
