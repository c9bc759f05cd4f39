import { describe, expect, it } from 'vitest';
import { parseDate, parseFieldValue, parseIsoWithOffset } from './field-values';

const value = (type: Parameters<typeof parseFieldValue>[0], raw: unknown, enums: string[] = []) => {
  const r = parseFieldValue(type, enums, raw);
  return r.ok ? r.value : 'INVALID';
};

describe('typed field values', () => {
  it.each([
    ['COUNTRY', 'Japan', 'JP'],
    ['COUNTRY', 'jpn', 'JP'],
    ['COUNTRY', 'in', 'IN'],
    ['COUNTRY', 'Narnia', 'INVALID'],
    ['LANGUAGE', 'Japanese', 'ja'],
    ['LANGUAGE', 'EN', 'en'],
    ['LANGUAGE', 'Klingonese', 'INVALID'],
    ['CURRENCY', 'inr', 'INR'],
    ['CURRENCY', 'ABC', 'INVALID'],
    ['INTEGER', '42', 42],
    ['INTEGER', 4.2, 'INVALID'],
    ['DOUBLE', '4.25', 4.25],
    ['DOUBLE', 'four', 'INVALID'],
    ['BOOLEAN', 'TRUE', true],
    ['BOOLEAN', 'yes', 'INVALID'],
    ['DATE', '2000/10/22', '2000-10-22'],
    ['DATE', '22-10-2000', 'INVALID'],
    ['DATETIME', '2024-05-11T16:36:17+05:30', '2024-05-11T11:06:17.000Z'],
    ['DATETIME', '2024-02-30', 'INVALID'],
    ['STRING', 123, '123'],
    ['STRING', { a: 1 }, 'INVALID'],
  ] as const)('%s %j → %j', (type, raw, expected) => {
    expect(value(type, raw)).toEqual(expected);
  });

  it('matches enums case-insensitively and stores them as defined', () => {
    expect(value('CUSTOM_ENUM', 'microsite', ['Microsite', 'Facebook'])).toBe('Microsite');
    expect(value('CUSTOM_ENUM', 'Myspace', ['Microsite', 'Facebook'])).toBe('INVALID');
  });

  it('rejects dates that do not exist and ISO dates without an offset', () => {
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoWithOffset('2024-05-11T16:36:17')).toBeNull();
    expect(parseIsoWithOffset('2024-05-11T16:36:17Z')?.toISOString()).toBe('2024-05-11T16:36:17.000Z');
  });
});
