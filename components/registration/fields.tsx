'use client';

// The registration form's controls: the shared bound fields, typed to the registration form's names.
import type { FieldPath } from 'react-hook-form';
import * as bound from '@/components/form/bound-fields';
import type { RegistrationFormValues } from './form-values';

export { ListError, type Option } from '@/components/form/bound-fields';
export type FormName = FieldPath<RegistrationFormValues>;

export const TextField = bound.TextField<FormName>;
export const SelectField = bound.SelectField<FormName>;
export const CheckboxField = bound.CheckboxField<FormName>;
