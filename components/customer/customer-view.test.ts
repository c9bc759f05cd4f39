import { describe, expect, it } from 'vitest';
import { customerDisplayName, initialsOf } from './display-name';
import {
  formatDay,
  formatMobile,
  formatMoment,
  formatFieldValue,
  orderIdentifiers,
  orderProfiles,
  sourceAccountLabel,
} from './format';

describe('customer page helpers', () => {
  it('names the customer, or falls back to the id', () => {
    expect(
      customerDisplayName(7, [
        { firstName: '', lastName: '' },
        { firstName: 'Mark', lastName: 'Twain' },
      ]),
    ).toBe('Mark Twain');
    expect(customerDisplayName(100000123, [{ firstName: ' ', lastName: null }])).toBe('Customer 100000123');
  });

  it('makes initials', () => {
    expect(initialsOf('Mark Twain')).toBe('MT');
    expect(initialsOf('Asha Devi Rao')).toBe('AR');
    expect(initialsOf('Ōtani')).toBe('Ō');
    expect(initialsOf('Customer 100000123')).toBe('#');
  });

  it('names tabs by source, with the account for multi-account sources', () => {
    expect(sourceAccountLabel('LINE', '2001914141242')).toBe('LINE · 2001914141242');
    expect(sourceAccountLabel('INSTORE', '')).toBe('INSTORE');
  });

  it('orders INSTORE first and the primary identifier type first, keeping the rest in order', () => {
    expect(
      orderProfiles([{ source: 'LINE' }, { source: 'WEBSITE' }, { source: 'INSTORE' }]).map((p) => p.source),
    ).toEqual(['INSTORE', 'LINE', 'WEBSITE']);
    expect(
      orderIdentifiers([{ type: 'email' }, { type: 'cardnumber' }, { type: 'mobile' }], 'mobile').map((i) => i.type),
    ).toEqual(['mobile', 'email', 'cardnumber']);
  });

  it('writes field values for people', () => {
    expect(formatFieldValue('COUNTRY', 'JP')).toBe('Japan (JP)');
    expect(formatFieldValue('LANGUAGE', 'ja')).toBe('Japanese (ja)');
    expect(formatFieldValue('DATETIME', '1988-05-10T00:00:00.000Z')).toBe('10 May 1988');
    expect(formatFieldValue('STRING', '')).toBe('—');
    expect(formatDay(null)).toBe('—');
    // In the org's time zone: 20:30 UTC is the next morning in Kolkata, and the date moves with it.
    expect(formatMoment('2026-03-01T20:30:00Z', 'Asia/Kolkata')).toMatch(/^2 Mar 2026, 02:00 /);
    expect(formatMoment('2026-03-01T20:30:00Z')).toMatch(/^1 Mar 2026, 20:30 UTC$/);
    expect(formatDay('2026-03-01T20:30:00Z', 'Asia/Kolkata')).toBe('2 Mar 2026');
    // Mobiles for reading, stored as digits: a plan's grouping, or the digits when no plan fits.
    expect(formatMobile('919876543210')).toBe('+91 98765 43210');
    expect(formatMobile('447911123456')).toBe('+44 7911 123456');
    expect(formatMobile('12')).toBe('12');
  });
});
