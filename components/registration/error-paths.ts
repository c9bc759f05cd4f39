// Where a problem with the request shows in the form. Request paths and form names agree (the form
// mirrors the body), except that blank rows are not sent: RowIndex maps request rows back to form rows.
import { MANDATORY_IDENTIFIER_CODES } from '@/lib/vocabulary';
import type { RegistrationFormValues, RowIndex } from './form-values';

export type PathPart = string | number;
/** A field's name (`profiles.0.identifiers.1.value`) or a section's (`root.identifiers`, `root.form`). */
export type ErrorTarget = string;

export const SECTION = { identifiers: 'root.identifiers', channels: 'root.channels', form: 'root.form' } as const;

/** "profiles[0].identifiers[1].value" (the API's `field`) → ['profiles', 0, 'identifiers', 1, 'value'] */
export function parseFieldPath(field: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
  }
  return parts;
}

function valueAt(values: unknown, path: PathPart[]): unknown {
  let node: unknown = values;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathPart, unknown>)[part];
  }
  return node;
}

/** 8005: no identifier given, or none valid. */
const NO_VALID_IDENTIFIERS = 8005;

const isLeaf = (v: unknown) => typeof v === 'string' || typeof v === 'boolean';
const MANDATORY_TYPE_BY_CODE = new Map<number, string>(
  Object.entries(MANDATORY_IDENTIFIER_CODES).map(([t, c]) => [c, t]),
);

/** The form name for a problem at `path` of the request (code: the catalogue code, when known). */
export function errorTargetOf(
  path: PathPart[],
  code: number | undefined,
  values: RegistrationFormValues,
  index: RowIndex,
): ErrorTarget {
  const formPath = [...path];
  const [top, profile, list, row] = formPath;
  if (top === 'profiles' && profile === 0 && (list === 'identifiers' || list === 'commChannels')) {
    const section = list === 'identifiers' ? SECTION.identifiers : SECTION.channels;
    if (typeof row !== 'number') {
      // "Mobile is mandatory": the mobile row's value is where the cashier must type; "no valid
      // identifiers": the first row's (the primary one's). A section's own message would not stop
      // react-hook-form from sending (it ignores `root` errors on submit), nor take the focus.
      const rows = values.profiles[0].identifiers;
      const type = code === undefined ? undefined : MANDATORY_TYPE_BY_CODE.get(code);
      const firstRow = code === NO_VALID_IDENTIFIERS && list === 'identifiers' && rows.length ? 0 : -1;
      const at = type ? rows.findIndex((r) => r.type === type) : firstRow;
      return at >= 0 ? `profiles.0.identifiers.${at}.value` : section;
    }
    const formRow = index[list][row];
    if (formRow === undefined) return section;
    formPath[3] = formRow;
    return isLeaf(valueAt(values, formPath)) ? formPath.join('.') : section;
  }
  if (isLeaf(valueAt(values, formPath))) return formPath.join('.');
  // An enrolment-level problem (program/tier) belongs to the program select.
  if (top === 'loyaltyProgramEnrollments') return 'loyaltyProgramEnrollments.0.programId';
  return SECTION.form;
}

/** Customers an 8006, 8052 or 8131 message names, to link to them. */
export function customerIdsOf(error: { code: number; message: string }): number[] {
  if (error.code === 8006 || error.code === 8131) {
    const m = (error.code === 8006 ? /with id (\d+)/ : /belongs to customer (\d+)$/).exec(error.message);
    return m?.[1] ? [Number(m[1])] : [];
  }
  if (error.code === 8052) {
    const list = /found:\s*([\d,\s]+)$/.exec(error.message)?.[1] ?? '';
    return [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
  }
  return [];
}
