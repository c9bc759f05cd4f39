import { describe, expect, it } from 'vitest';
import { defaultFormValues, emptyIdentifierRow } from '@/components/registration/form-values';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { changeProblems, serverProblem, toIdentifierChange } from './identifier-change';

const config = orgConfigFixture();

function rows(...identifiers: { type: string; value: string }[]) {
  const v = defaultFormValues(config);
  v.profiles[0].identifiers = identifiers.map((i) => ({ ...emptyIdentifierRow(config, i.type), value: i.value }));
  return v;
}

describe('toIdentifierChange', () => {
  it('is one body: the removed identifiers and the filled new rows (a new mobile is both)', () => {
    const change = toIdentifierChange(rows({ type: 'email', value: '' }, { type: 'mobile', value: '919800000002' }), [
      { type: 'mobile', value: '919800000001' },
    ]);
    expect(change?.body).toEqual({
      add: [{ type: 'mobile', value: '919800000002' }],
      remove: [{ type: 'mobile', value: '919800000001' }],
    });
    expect(change?.index.identifiers).toEqual([1]);
  });

  it('is null when nothing is removed and every new row is blank', () => {
    expect(toIdentifierChange(rows({ type: 'email', value: ' ' }), [])).toBeNull();
  });
});

describe('changeProblems', () => {
  it("puts the API's 8130 on the row of the invalid value", () => {
    const change = toIdentifierChange(rows({ type: 'email', value: '' }, { type: 'mobile', value: '12ab' }), [
      { type: 'mobile', value: '919800000001' },
    ]);
    expect(change && changeProblems(change, config)).toEqual([
      { target: 'profiles.0.identifiers.1.value', code: 8130, message: 'Invalid identifier mobile: 12ab' },
    ]);
  });

  it('has none for a valid replacement', () => {
    const change = toIdentifierChange(rows({ type: 'mobile', value: '919800000002' }), [
      { type: 'mobile', value: '919800000001' },
    ]);
    expect(change && changeProblems(change, config)).toEqual([]);
  });
});

describe('serverProblem', () => {
  const index = { identifiers: [2], commChannels: [] };
  it('places an add[i] error on the row it came from', () => {
    const e = {
      code: 8131,
      message: 'Identifier email a@b.example belongs to customer 100000042',
      field: 'add[0].value',
    };
    expect(serverProblem(e, index)).toEqual({
      target: 'profiles.0.identifiers.2.value',
      code: 8131,
      message: e.message,
    });
  });
  it('leaves other errors to the change as a whole', () => {
    expect(serverProblem({ code: 8134, message: 'A source account keeps at least one identifier' }, index).target).toBe(
      null,
    );
    expect(serverProblem({ code: 8133, message: 'not found', field: 'remove[0].value' }, index).target).toBe(null);
  });
});
