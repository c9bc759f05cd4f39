import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { suggestChannel } from './channel-rows';
import { defaultFormValues, emptyIdentifierRow } from './form-values';
import { saveRegistrationOutcome, takeRegistrationOutcome } from './outcome-store';
import { splitServerErrors } from './submit';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('registration outcome hand-over', () => {
  it('is taken once', () => {
    const storage = new MemoryStorage();
    const outcome = {
      warnings: [{ code: 8107, message: 'Default customer status label not set' }],
      sideEffects: [{ type: 'coupon', couponCode: 'ABC' }],
    };
    saveRegistrationOutcome(100000001, outcome, storage);
    expect(takeRegistrationOutcome(100000002, storage)).toBeNull();
    expect(takeRegistrationOutcome(100000001, storage)).toEqual(outcome);
    expect(takeRegistrationOutcome(100000001, storage)).toBeNull();
  });
});

describe('splitServerErrors', () => {
  const config = orgConfigFixture();
  const values = defaultFormValues(config);
  values.profiles[0].identifiers = [{ ...emptyIdentifierRow(config, 'mobile'), value: '919876543210' }];
  const index = { identifiers: [0], commChannels: [] };

  it('puts 8006 next to the field and above the button, with the customer to open', () => {
    const { fieldErrors, formErrors } = splitServerErrors(
      [
        {
          code: 8006,
          message: 'Customer already exists with id 100000123 for same source',
          field: 'profiles[0].identifiers[0].value',
        },
      ],
      values,
      index,
    );
    expect(fieldErrors).toEqual([expect.objectContaining({ target: 'profiles.0.identifiers.0.value', code: 8006 })]);
    expect(formErrors).toEqual([expect.objectContaining({ code: 8006, customerIds: [100000123] })]);
  });

  it('keeps errors without a field at form level', () => {
    const { fieldErrors, formErrors } = splitServerErrors([{ code: 521, message: 'Multiple actions…' }], values, index);
    expect(fieldErrors).toEqual([]);
    expect(formErrors).toEqual([{ code: 521, message: 'Multiple actions…', customerIds: [] }]);
  });
});

describe('suggestChannel', () => {
  it('offers the identifier just typed, primary as the first of its type', () => {
    const config = orgConfigFixture();
    const values = defaultFormValues(config);
    values.profiles[0].identifiers[0]!.value = '919876543210';
    expect(suggestChannel(values)).toMatchObject({ type: 'mobile', value: '919876543210', primary: true });
    values.profiles[0].commChannels.push(suggestChannel(values));
    expect(suggestChannel(values)).toMatchObject({ type: 'email', value: '' });
  });
});
