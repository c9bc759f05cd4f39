// Typed values of custom fields and extended fields: parse, check, and give the stored form.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { CustomFieldType, ExtendedFieldType } from '@/lib/vocabulary';

export type FieldType = CustomFieldType | ExtendedFieldType;
type Parsed = { ok: true; value: unknown } | { ok: false };
const bad: Parsed = { ok: false };
const ok = (value: unknown): Parsed => ({ ok: true, value });

countries.registerLocale(en);

let countryList: { value: string; label: string }[] | undefined;
/** Countries by English name, valued by the ISO alpha-2 code a COUNTRY field stores (for pickers). */
export function countryOptions(): { value: string; label: string }[] {
  countryList ??= Object.entries(countries.getNames('en', { select: 'official' }))
    .map(([code, name]) => ({ value: code, label: name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return countryList;
}

/** "" and null count as absent. */
export function isAbsent(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

export function parseFieldValue(type: FieldType, enumValues: readonly string[], raw: unknown): Parsed {
  const text =
    typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
  if (text === null) return bad;
  switch (type) {
    case 'STRING':
      return text.length <= 1000 ? ok(text) : bad;
    case 'INTEGER':
      return /^-?\d{1,15}$/.test(text) ? ok(Number(text)) : bad;
    case 'DOUBLE':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) && Number.isFinite(Number(text)) ? ok(Number(text)) : bad;
    case 'BOOLEAN':
      return /^(true|false)$/i.test(text) ? ok(text.toLowerCase() === 'true') : bad;
    case 'DATE': {
      const d = parseDate(text);
      return d ? ok(d.toISOString().slice(0, 10)) : bad;
    }
    case 'DATETIME': {
      const d = parseDate(text);
      return d ? ok(d.toISOString()) : bad;
    }
    case 'ENUM':
    case 'STANDARD_ENUM':
    case 'CUSTOM_ENUM': {
      const hit = enumValues.find((v) => v.toLowerCase() === text.toLowerCase());
      return hit === undefined ? bad : ok(hit);
    }
    case 'COUNTRY': {
      const code = countryCode(text);
      return code ? ok(code) : bad;
    }
    case 'LANGUAGE': {
      const code = languageCode(text);
      return code ? ok(code) : bad;
    }
    case 'CURRENCY': {
      const upper = text.toUpperCase();
      return currencies().has(upper) ? ok(upper) : bad;
    }
    default:
      return bad;
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;

/** yyyy-MM-dd, yyyy/MM/dd (UTC midnight) or ISO 8601 with an offset; null when it is not a real date. */
export function parseDate(text: string): Date | null {
  const day = DAY.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
  }
  return parseIsoWithOffset(text);
}

export function parseIsoWithOffset(text: string): Date | null {
  if (!ISO_WITH_OFFSET.test(text)) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // Date() rolls 2024-02-30 over to March: reject dates whose day part did not survive.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? date : null;
}

function countryCode(text: string): string | null {
  if (/^[A-Za-z]{2}$/.test(text)) return countries.isValid(text.toUpperCase()) ? text.toUpperCase() : null;
  if (/^[A-Za-z]{3}$/.test(text)) return countries.alpha3ToAlpha2(text.toUpperCase()) ?? null;
  return countries.getAlpha2Code(text, 'en') ?? null;
}

let languages: Map<string, string> | undefined;
/** ISO 639-1 codes and their English names, from the runtime's own ICU data. */
function languageTable(): Map<string, string> {
  if (languages) return languages;
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const table = new Map<string, string>();
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(97 + i, 97 + j);
      const name = names.of(code);
      if (name && name !== code) {
        table.set(code, code);
        table.set(name.toLowerCase(), code);
      }
    }
  }
  languages = table;
  return table;
}

function languageCode(text: string): string | null {
  return languageTable().get(text.toLowerCase()) ?? null;
}

let currencySet: Set<string> | undefined;
function currencies(): Set<string> {
  currencySet ??= new Set(Intl.supportedValuesOf('currency'));
  return currencySet;
}
