import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import {
  defaultFormValues,
  emptyChannelRow,
  emptyIdentifierRow,
  endOfDayWithOffset,
  filled,
  prefillFromSearch,
  toRegistrationRequest,
} from './form-values';

describe('defaultFormValues', () => {
  it('starts with one row of the primary type when nothing is mandatory', () => {
    const v = defaultFormValues(orgConfigFixture());
    expect(v.profiles[0].identifiers.map((r) => [r.type, r.locked])).toEqual([['mobile', false]]);
    expect(v.profiles[0].source).toBe('INSTORE');
    expect(Object.keys(v.extendedFields)).toEqual(['gender', 'dob']);
  });

  it('puts the primary type first, then each mandatory type in a locked row, in a fixed order', () => {
    const v = defaultFormValues(orgConfigFixture({ mandatoryIdentifierTypes: ['externalId', 'email'] }));
    expect(v.profiles[0].identifiers.map((r) => [r.type, r.locked])).toEqual([
      ['mobile', false],
      ['email', true],
      ['externalId', true],
    ]);
  });

  it('locks the primary row when the primary type is mandatory too', () => {
    const v = defaultFormValues(orgConfigFixture({ mandatoryIdentifierTypes: ['email', 'mobile'] }));
    expect(v.profiles[0].identifiers.map((r) => [r.type, r.locked])).toEqual([
      ['mobile', true],
      ['email', true],
    ]);
  });
});

describe('toRegistrationRequest', () => {
  const config = orgConfigFixture();

  it('gives the wire shape, leaving out blank rows and untouched fields', () => {
    const v = defaultFormValues(config);
    v.profiles[0].firstName = 'Asha';
    v.profiles[0].identifiers = [
      { ...emptyIdentifierRow(config, 'mobile'), value: '919876543210' },
      emptyIdentifierRow(config, 'email'),
      { ...emptyIdentifierRow(config, 'cardnumber'), value: 'C-1', seriesId: '73', statusLabel: 'ACTIVE' },
    ];
    v.profiles[0].commChannels = [
      { ...emptyChannelRow('mobile'), value: '919876543210', primary: true },
      emptyChannelRow('email'),
    ];
    v.extendedFields.gender = 'Female';
    const { request, index } = toRegistrationRequest(v);
    expect(index).toEqual({ identifiers: [0, 2], commChannels: [0] });
    expect(request.profiles[0]).toMatchObject({
      source: 'INSTORE',
      firstName: 'Asha',
      fields: {},
      identifiers: [
        { type: 'mobile', value: '919876543210' },
        { type: 'cardnumber', value: 'C-1', seriesId: 73, statusLabel: 'ACTIVE' },
      ],
      commChannels: [{ type: 'mobile', value: '919876543210', primary: true, verified: false, subscribed: false }],
    });
    expect(request.profiles[0]).not.toHaveProperty('accountId');
    expect(request.extendedFields).toEqual({ gender: 'Female' });
    expect(request.loyaltyProgramEnrollments).toEqual([]);
    expect(request.statusLabel).toBeUndefined();
  });

  it('sends the account id for a multi-account source, and an enrolment when a program is chosen', () => {
    const v = defaultFormValues(config);
    v.profiles[0].source = 'LINE';
    v.profiles[0].accountId = '2001914141242';
    v.loyaltyProgramEnrollments[0] = {
      programId: '469',
      tierNumber: '1',
      loyaltyPoints: '75',
      tierExpiryDate: '2026-12-31',
      pointsExpiryDate: '',
    };
    const { request } = toRegistrationRequest(v);
    expect(request.profiles[0]?.accountId).toBe('2001914141242');
    expect(request.loyaltyProgramEnrollments?.[0]).toMatchObject({ programId: 469, tierNumber: 1, loyaltyPoints: 75 });
    expect(request.loyaltyProgramEnrollments?.[0]?.tierExpiryDate).toMatch(/^2026-12-31T23:59:59[+-]\d{2}:\d{2}$/);
    expect(request.loyaltyProgramEnrollments?.[0]?.pointsExpiryDate).toBeUndefined();
  });
});

describe('endOfDayWithOffset', () => {
  it.each([
    [330, '2024-05-11T23:59:59+05:30'],
    [0, '2024-05-11T23:59:59+00:00'],
    [-300, '2024-05-11T23:59:59-05:00'],
  ])('offset %i', (offset, expected) => {
    expect(endOfDayWithOffset('2024-05-11', offset)).toBe(expected);
  });
});

describe('filled', () => {
  it('drops blank entries and trims the rest', () => {
    expect(filled({ a: ' x ', b: '', c: '  ' })).toEqual({ a: 'x' });
  });
});

describe('prefillFromSearch', () => {
  const config = orgConfigFixture({ mobile: { minLength: 6, maxLength: 15, strict: false, defaultCountry: 'IN' } });
  const base = () => defaultFormValues(config);

  it('puts a number into the primary mobile, with the default country code when typed without one', () => {
    expect(prefillFromSearch(base(), '098000-00003', config).profiles[0].identifiers[0]!.value).toBe('919800000003');
    expect(prefillFromSearch(base(), '+44 20 7946 0958', config).profiles[0].identifiers[0]!.value).toBe(
      '442079460958',
    );
  });

  it('puts words into the names and an email into an email row', () => {
    const named = prefillFromSearch(base(), ' Tom  van Sawyer ', config).profiles[0];
    expect([named.firstName, named.lastName]).toEqual(['Tom', 'van Sawyer']);
    const mailed = prefillFromSearch(base(), 'tom@example.com', config).profiles[0].identifiers;
    expect(mailed.map((r) => [r.type, r.value])).toEqual([
      ['mobile', ''],
      ['email', 'tom@example.com'],
    ]);
  });

  it('leaves the form as it was for an empty query', () => {
    expect(prefillFromSearch(base(), '  ', config)).toEqual(base());
  });
});
