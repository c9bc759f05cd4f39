import { describe, expect, it } from 'vitest';
import { isPersonalPath, redactChanges } from './erasure';

describe('what an erasure redacts in the history', () => {
  it('names, fields, channels, identifiers and extended fields; not status, loyalty or requests', () => {
    for (const path of [
      'profiles.INSTORE.firstName',
      'profiles.LINE:2001914141242.lastName',
      'profiles.INSTORE.commChannels',
      'profiles.INSTORE.fields.nickname',
      'identifiers.INSTORE.mobile',
      'extendedFields.city',
    ])
      expect(isPersonalPath(path), path).toBe(true);
    for (const path of [
      'statusLabel',
      'loyaltyInfo.loyaltyType',
      'loyalty.1.points',
      'requests.5000001.status',
      'profiles.INSTORE',
      'mergedFrom',
    ])
      expect(isPersonalPath(path), path).toBe(false);
  });

  it('replaces the values by null with redacted: true, and leaves the rest as it was', () => {
    const { changes, changed } = redactChanges([
      { path: 'profiles.INSTORE.lastName', before: 'Sharna', after: 'Sharma' },
      { path: 'statusLabel', before: null, after: 'Gold' },
    ]);
    expect(changed).toBe(true);
    expect(changes).toEqual([
      { path: 'profiles.INSTORE.lastName', before: null, after: null, redacted: true },
      { path: 'statusLabel', before: null, after: 'Gold' },
    ]);
    expect(redactChanges(changes).changed).toBe(false);
  });
});
