import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { defaultFormValues, emptyChannelRow, emptyIdentifierRow, type RegistrationFormValues } from './form-values';
import { problemsToErrors, validateRegistration } from './resolver';

const config = orgConfigFixture();

function form(edit: (v: RegistrationFormValues) => void): RegistrationFormValues {
  const v = defaultFormValues(config);
  v.profiles[0].identifiers[0]!.value = '919876543210';
  edit(v);
  return v;
}

const targets = (v: RegistrationFormValues) => Object.keys(problemsToErrors(validateRegistration(v, config).problems));

describe('validateRegistration (the API schema as the form resolver)', () => {
  it('accepts a valid registration', () => {
    expect(
      validateRegistration(
        form(() => {}),
        config,
      ).problems,
    ).toEqual([]);
  });

  it('puts an invalid primary mobile on its row (8014)', () => {
    const { problems } = validateRegistration(
      form((v) => {
        v.profiles[0].identifiers[0]!.value = '98765abc';
      }),
      config,
    );
    expect(problems).toEqual([expect.objectContaining({ target: 'profiles.0.identifiers.0.value', code: 8014 })]);
  });

  it('flags an invalid secondary email the API would silently drop', () => {
    const v = form((x) => {
      x.profiles[0].identifiers.push({ ...emptyIdentifierRow(config, 'email'), value: 'not-an-email' });
    });
    const { problems } = validateRegistration(v, config);
    expect(problems).toEqual([{ target: 'profiles.0.identifiers.1.value', message: 'Invalid email id' }]);
  });

  it('flags an invalid email channel', () => {
    const v = form((x) => {
      x.profiles[0].commChannels.push({ ...emptyChannelRow('email'), value: 'a@b' });
    });
    expect(targets(v)).toEqual(['profiles.0.commChannels.0.value']);
  });

  it('maps org rules to their fields: enum, status label, program, account', () => {
    const v = form((x) => {
      x.extendedFields.gender = 'Robot';
      x.statusLabel = 'Platinum';
      x.loyaltyProgramEnrollments[0].programId = '999';
      x.profiles[0].source = 'LINE';
      x.profiles[0].accountId = 'nope';
    });
    expect(targets(v).sort()).toEqual(
      ['extendedFields.gender', 'loyaltyProgramEnrollments.0.programId', 'profiles.0.accountId', 'statusLabel'].sort(),
    );
  });

  it('says "no valid identifiers" on the first row when every row is blank (a root error would not stop the submit)', () => {
    const v = form((x) => {
      x.profiles[0].identifiers[0]!.value = '';
    });
    expect(targets(v)).toEqual(['profiles.0.identifiers.0.value']);
  });

  it('puts a missing mandatory type on its locked row', () => {
    const strict = orgConfigFixture({ mandatoryIdentifierTypes: ['email'] });
    const v = defaultFormValues(strict);
    v.profiles[0].identifiers[0]!.value = '919876543210';
    expect(Object.keys(problemsToErrors(validateRegistration(v, strict).problems))).toEqual([
      'profiles.0.identifiers.1.value',
    ]);
  });

  it('reports negative points from the schema itself', () => {
    const v = form((x) => {
      x.loyaltyProgramEnrollments[0] = {
        programId: '469',
        tierNumber: '1',
        loyaltyPoints: '-5',
        tierExpiryDate: '',
        pointsExpiryDate: '',
      };
    });
    expect(targets(v)).toEqual(['loyaltyProgramEnrollments.0.loyaltyPoints']);
  });
});
