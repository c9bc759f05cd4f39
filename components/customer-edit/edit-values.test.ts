import { describe, expect, it } from 'vitest';
import type { CustomerView, ProfileView } from '@/lib/customers/views';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import {
  accountQuery,
  DETAILS_TARGET,
  editValuesOf,
  fieldText,
  PROFILE_TARGET,
  toDetailsUpdate,
  toProfileUpdate,
} from './edit-values';
import { updateProblems } from './resolver';

const config = orgConfigFixture();

function profile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    source: 'INSTORE',
    accountId: '',
    firstName: 'Priya',
    lastName: 'Sharma',
    identifiers: [{ type: 'mobile', value: '919800000001' }],
    commChannels: [{ type: 'mobile', value: '919800000001', primary: true, verified: false, meta: {} }],
    fields: { visits: 3 },
    attribution: { createDate: '2026-01-01T00:00:00Z', createdBy: { code: 'demo.till', type: 'TILL' } },
    ...overrides,
  };
}

function customer(p: ProfileView): CustomerView {
  return {
    id: 100000001,
    version: 1,
    statusLabel: null,
    status: 'ACTIVE',
    loyaltyInfo: { loyaltyType: 'loyalty' },
    extendedFields: { gender: 'Female', dob: '1990-05-11T00:00:00.000Z' },
    profiles: [p],
    loyaltyProgramEnrollments: [],
    sideEffects: [],
    referralCode: 'ABC123',
    registeredTill: null,
  };
}

describe('editValuesOf', () => {
  it('fills the registration form values from the account and the customer', () => {
    const p = profile();
    const v = editValuesOf(config, customer(p), p);
    expect(v.profiles[0]).toMatchObject({ source: 'INSTORE', firstName: 'Priya', lastName: 'Sharma' });
    expect(v.profiles[0].commChannels).toEqual([
      { type: 'mobile', value: '919800000001', primary: true, verified: false, subscribed: false },
    ]);
    expect(v.profiles[0].fields).toEqual({ employee: '', visits: '3' });
    expect(v.extendedFields).toEqual({ gender: 'Female', dob: '1990-05-11' });
    expect(v.statusLabel).toBe('');
  });
});

describe('fieldText', () => {
  it.each([
    ['DATETIME', '1990-05-11T00:00:00.000Z', '1990-05-11'],
    ['BOOLEAN', true, 'true'],
    ['INTEGER', 12, '12'],
    ['STRING', null, ''],
  ])('%s %j → %s', (type, value, text) => {
    expect(fieldText(type, value)).toBe(text);
  });
});

describe('toProfileUpdate', () => {
  const p = profile();
  const before = editValuesOf(config, customer(p), p);

  it('sends only what changed: a new last name, a cleared custom field', () => {
    const now = structuredClone(before);
    now.profiles[0].lastName = 'Shah ';
    now.profiles[0].fields.visits = '';
    expect(toProfileUpdate(now, before)?.body).toEqual({ profiles: [{ lastName: 'Shah', fields: { visits: null } }] });
  });

  it('sends the whole channel list when any channel changed', () => {
    const now = structuredClone(before);
    now.profiles[0].commChannels[0]!.verified = true;
    now.profiles[0].commChannels.push({
      type: 'email',
      value: '',
      primary: false,
      verified: false,
      subscribed: false,
    });
    const update = toProfileUpdate(now, before);
    expect(update?.body.profiles[0].commChannels).toEqual([
      { type: 'mobile', value: '919800000001', primary: true, verified: true, subscribed: false },
    ]);
  });

  it('is null when nothing changed (blank new rows included)', () => {
    const now = structuredClone(before);
    now.profiles[0].firstName = ' Priya';
    expect(toProfileUpdate(now, before)).toBeNull();
  });

  it('names the source account in the query', () => {
    expect(accountQuery('INSTORE', '')).toBe('?source=INSTORE');
    expect(accountQuery('LINE', '2001914141242')).toBe('?source=LINE&accountId=2001914141242');
  });
});

describe('toDetailsUpdate', () => {
  const p = profile();
  const before = editValuesOf(config, customer(p), p);

  it('sends a new status label with its reason, and changed extended fields', () => {
    const now = structuredClone(before);
    now.statusLabel = 'Gold Member';
    now.extendedFields.gender = '';
    expect(toDetailsUpdate(now, before, ' Spent over 1000 ')).toEqual({
      statusLabel: 'Gold Member',
      statusReason: 'Spent over 1000',
      extendedFields: { gender: null },
    });
  });

  it('is null when nothing changed, even with a reason typed', () => {
    expect(toDetailsUpdate(structuredClone(before), before, 'no reason')).toBeNull();
  });
});

describe('updateProblems', () => {
  const p = profile();
  const before = editValuesOf(config, customer(p), p);

  it("runs the API's update schema on what would be sent, keeping the form's own fields", () => {
    const now = structuredClone(before);
    now.profiles[0].fields.visits = 'many';
    now.profiles[0].commChannels[0]!.value = 'not a mobile';
    now.extendedFields.gender = 'Robot';
    const profileDraft = toProfileUpdate(now, before);
    expect(updateProblems(now, config, profileDraft, PROFILE_TARGET).map((x) => [x.target, x.code])).toEqual([
      ['profiles.0.fields.visits', 8111],
      ['profiles.0.commChannels.0.value', undefined],
    ]);
    const details = toDetailsUpdate(now, before, '');
    const detailsDraft = details && { body: details, index: { identifiers: [], commChannels: [] } };
    expect(updateProblems(now, config, detailsDraft, DETAILS_TARGET).map((x) => [x.target, x.code])).toEqual([
      ['extendedFields.gender', 91015],
    ]);
  });

  it('holds nothing against a stored value the clerk did not touch', () => {
    const stored = profile({ fields: { visits: 'many' } });
    const untouched = editValuesOf(config, customer(stored), stored);
    const now = structuredClone(untouched);
    now.profiles[0].lastName = 'Shah';
    expect(updateProblems(now, config, toProfileUpdate(now, untouched), PROFILE_TARGET)).toEqual([]);
  });
});
