'use client';

// The settings form's controls: the shared bound fields, typed to the settings form's names.
import type { FieldPath } from 'react-hook-form';
import * as bound from '@/components/form/bound-fields';
import type { SettingsInput } from '@/lib/config/settings-schema';

export { CheckboxGroup, fieldIdOf, ListError, useFieldError, type Option } from '@/components/form/bound-fields';
export type SettingsName = FieldPath<SettingsInput>;

export const TextField = bound.TextField<SettingsName>;
export const NumberField = bound.NumberField<SettingsName>;
export const SelectField = bound.SelectField<SettingsName>;
export const CheckboxField = bound.CheckboxField<SettingsName>;
