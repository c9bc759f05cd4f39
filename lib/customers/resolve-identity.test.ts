import { describe, expect, it } from 'vitest';
import { resolveIdentity } from './resolve-identity';

const match = (customerId: number, source: string | null, accountId = '') => ({
  type: 'mobile',
  value: '1',
  customerId,
  customerVersion: 1,
  source,
  accountId,
});

describe('resolveIdentity', () => {
  const instore = [{ source: 'INSTORE', accountId: '' }];
  it('creates a customer when nothing matches', () => {
    expect(resolveIdentity(instore, [])).toEqual({ kind: 'new' });
  });
  it('adds a source account to the one customer found in other sources', () => {
    expect(resolveIdentity(instore, [match(7, 'WEBSITE'), match(7, 'LINE', '200')])).toEqual({
      kind: 'existing',
      customerId: 7,
    });
  });
  it('refuses when the customer already has this source account, before looking for conflicts', () => {
    expect(resolveIdentity(instore, [match(7, 'INSTORE'), match(9, 'WEBSITE')])).toEqual({
      kind: 'exists-in-source',
      customerId: 7,
    });
  });
  it('tells LINE accounts apart', () => {
    expect(resolveIdentity([{ source: 'LINE', accountId: 'B' }], [match(7, 'LINE', 'A')])).toEqual({
      kind: 'existing',
      customerId: 7,
    });
  });
  it('reports two or more customers as a conflict, ids ascending', () => {
    expect(resolveIdentity(instore, [match(9, 'WEBSITE'), match(7, 'ECOMMERCE')])).toEqual({
      kind: 'conflict',
      customerIds: [7, 9],
    });
  });
});
