import { describe, expect, it } from 'vitest';
import { actionTitle, actorText, changeLabel, valueText } from './describe';

const labels = {
  customFields: { city: { label: 'City of work', dataType: 'STRING' } },
  extendedFields: { dob: { label: 'Date of birth', dataType: 'DATETIME' } },
};

describe('changeLabel', () => {
  it.each([
    ['profiles.INSTORE.firstName', 'First name · INSTORE'],
    ['profiles.INSTORE.lastName', 'Last name · INSTORE'],
    ['profiles.INSTORE.fields.city', 'City of work · INSTORE'],
    ['profiles.INSTORE.fields.unknown', 'unknown · INSTORE'],
    ['profiles.INSTORE.commChannels', 'Communication channels · INSTORE'],
    ['extendedFields.dob', 'Date of birth'],
    ['extendedFields.zip', 'zip'],
    ['statusLabel', 'Status label'],
    ['identifiers.INSTORE.mobile', 'Mobile · INSTORE'],
    ['identifiers.LINE · 2001914141242.line', 'LINE · LINE · 2001914141242'],
    ['profiles.INSTORE', 'Source account · INSTORE'],
    ['mergedFrom', 'Merged from customer'],
    ['loyalty.7', 'Loyalty enrolment · program 7'],
    ['loyalty.7.points', 'Points · program 7'],
    ['something.else', 'something.else'],
  ])('%s → %s', (path, label) => {
    expect(changeLabel(path, labels)).toBe(label);
  });
});

describe('valueText', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    ['Sharma', 'Sharma'],
    [12, '12'],
    [false, 'false'],
    [[], '—'],
    [
      [
        { type: 'mobile', value: '919800000001', primary: true },
        { type: 'email', value: 'a@b.example' },
      ],
      'Mobile +91 98000 00001, Email a@b.example',
    ],
    [{ seriesId: 73 }, '{"seriesId":73}'],
    [{ from: 100000002 }, 'from customer #100000002'],
    [{ points: 150 }, '150 points'],
  ])('%j → %s', (value, text) => {
    expect(valueText(value)).toBe(text);
  });

  it.each([
    ['identifiers.INSTORE.mobile', '919800000001', '+91 98000 00001'],
    ['identifiers.LINE · 2001914141242.mobile', '919800000001', '+91 98000 00001'],
    ['identifiers.INSTORE.email', 'a@b.example', 'a@b.example'],
    // Digits of no country's plan stay as they are.
    ['identifiers.INSTORE.mobile', '12', '12'],
    // Only identifiers' paths: a custom field of digits is not a mobile.
    ['profiles.INSTORE.fields.code', '919800000001', '919800000001'],
  ])('at %s, %s reads %s', (path, value, text) => {
    expect(valueText(value, path)).toBe(text);
  });
});

describe('actionTitle and actorText', () => {
  it('names the actions of the history in words', () => {
    expect(actionTitle('identifier.removed')).toBe('Identifier removed');
    expect(actionTitle('customer.updated')).toBe('Profile updated');
    expect(actionTitle('something.new')).toBe('something.new');
  });
  it('says what kind of caller acted', () => {
    expect(actorText({ type: 'STAFF', code: 'staff@demo.example' })).toBe('Staff user staff@demo.example');
    expect(actorText({ type: 'TILL', code: 'demo.till' })).toBe('API client (till) demo.till');
  });
});
