import { describe, expect, it } from 'vitest';
import { customerDisplayName, initialsOf } from './display-name';
import { formatDay, formatFieldValue, orderIdentifiers, orderProfiles, sourceAccountLabel } from './format';

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
  });
});
