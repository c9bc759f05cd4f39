import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { customerIdsOf, errorTargetOf, parseFieldPath, SECTION } from './error-paths';
import { defaultFormValues, emptyChannelRow, emptyIdentifierRow, type RegistrationFormValues } from './form-values';

function values(): RegistrationFormValues {
  const config = orgConfigFixture();
  const v = defaultFormValues(config);
  v.profiles[0].identifiers = [
    { ...emptyIdentifierRow(config, 'mobile'), value: '919876543210' },
    emptyIdentifierRow(config, 'externalId'),
    { ...emptyIdentifierRow(config, 'email'), value: 'a@b.example' },
  ];
  v.profiles[0].commChannels = [{ ...emptyChannelRow('email'), value: 'a@b.example' }];
  return v;
}
// The blank externalId row (form row 1) is not sent: request row 1 is form row 2.
const index = { identifiers: [0, 2], commChannels: [0] };

describe('parseFieldPath', () => {
  it.each([
    ['profiles[0].identifiers[1].value', ['profiles', 0, 'identifiers', 1, 'value']],
    ['extendedFields.dob', ['extendedFields', 'dob']],
    ['loyaltyProgramEnrollments[0].programId', ['loyaltyProgramEnrollments', 0, 'programId']],
    ['statusLabel', ['statusLabel']],
    ['body', ['body']],
  ])('%s', (field, path) => {
    expect(parseFieldPath(field)).toEqual(path);
  });
});

describe('errorTargetOf', () => {
  const v = values();
  it.each([
    [['profiles', 0, 'identifiers', 1, 'value'], undefined, 'profiles.0.identifiers.2.value'],
    [['profiles', 0, 'identifiers', 0, 'value'], 8014, 'profiles.0.identifiers.0.value'],
    [['profiles', 0, 'identifiers', 5, 'value'], undefined, SECTION.identifiers],
    [['profiles', 0, 'identifiers'], 8005, 'profiles.0.identifiers.0.value'],
    [['profiles', 0, 'identifiers'], 1006, 'profiles.0.identifiers.0.value'],
    [['profiles', 0, 'identifiers'], 1039, 'profiles.0.identifiers.2.value'],
    [['profiles', 0, 'commChannels', 0, 'type'], 8010, 'profiles.0.commChannels.0.type'],
    [['profiles', 0, 'source'], 3217, 'profiles.0.source'],
    [['profiles', 0, 'accountId'], 8127, 'profiles.0.accountId'],
    [['extendedFields', 'dob'], 91015, 'extendedFields.dob'],
    [['profiles', 0, 'fields', 'visits'], 8111, 'profiles.0.fields.visits'],
    [['loyaltyProgramEnrollments', 0, 'tierExpiryDate'], 8115, 'loyaltyProgramEnrollments.0.tierExpiryDate'],
    [['loyaltyProgramEnrollments', 0], undefined, 'loyaltyProgramEnrollments.0.programId'],
    [['statusLabel'], 8086, 'statusLabel'],
    [['extendedFields', 'unknown'], 91015, SECTION.form],
    [['profiles'], undefined, SECTION.form],
  ] as const)('%j (code %s) → %s', (path, code, target) => {
    expect(errorTargetOf([...path], code, v, index)).toBe(target);
  });
});

describe('customerIdsOf', () => {
  it('reads the id of an 8006', () => {
    expect(customerIdsOf({ code: 8006, message: 'Customer already exists with id 100000123 for same source' })).toEqual(
      [100000123],
    );
  });
  it('reads every id of an 8052', () => {
    expect(
      customerIdsOf({ code: 8052, message: 'Add customer, Conflicting Customers found: 100000001, 100000002' }),
    ).toEqual([100000001, 100000002]);
  });
  it('reads the holder of an identifier from an 8131', () => {
    expect(
      customerIdsOf({ code: 8131, message: 'Identifier mobile 919800000001 belongs to customer 100000042' }),
    ).toEqual([100000042]);
  });
  it('names nobody for other codes', () => {
    expect(customerIdsOf({ code: 8014, message: 'Error in customer registration: Invalid Primary Id - 123' })).toEqual(
      [],
    );
  });
});
