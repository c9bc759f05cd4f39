import { describe, expect, it } from 'vitest';
import { searchCandidates, withinOneTypo } from './search';

describe('searchCandidates', () => {
  it.each([
    ['+91 98765-43210', ['+91 98765-43210', '919876543210']],
    ['  Asha@Example.COM ', ['Asha@Example.COM', 'asha@example.com']],
    ['EXT-42', ['EXT-42', 'ext-42']],
    ['12345678', ['12345678']],
    ['   ', []],
  ])('%j', (query, expected) => {
    expect(searchCandidates(query)).toEqual(expected);
  });

  it.each([
    ['9800000003', ['9800000003', '919800000003']],
    ['098000 00003', ['098000 00003', '09800000003', '9800000003', '919800000003']],
    ['+44 20 7946 0958', ['+44 20 7946 0958', '442079460958']],
    ['980', ['980']],
  ])('%j with the default country IN', (query, expected) => {
    expect(searchCandidates(query, 'IN')).toEqual(expected);
  });
});

describe('withinOneTypo', () => {
  it.each([
    ['sawyr', 'sawyer', true],
    ['sawyer', 'sawyr', true],
    ['nunes', 'nunez', true],
    ['pryia', 'priya', true],
    ['sharma', 'sharma', true],
    ['sharmz', 'shah', false],
    ['kapor', 'kapoor', true],
    ['kpr', 'kapoor', false],
    ['abcd', 'badc', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneTypo(a, b)).toBe(expected);
  });
});
