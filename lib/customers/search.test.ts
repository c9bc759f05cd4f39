import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneTypoRanges, searchCandidates, withinOneTypo } from './search';

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

describe('oneTypoRanges', () => {
  const inRange = (value: string, r: { from: string; to: string | null }) =>
    value >= r.from && (r.to === null || value < r.to);
  const reversed = (s: string) => [...s].reverse().join('');

  it.each([
    ['sawyr', 'sa', 'ry'],
    ['thrneuk', 'thr', 'kue'],
    ['jon', 'j', 'n'],
    ['jhon', 'jh', 'n'],
  ])('%s reads words starting %s and words ending (reversed) %s', (word, prefix, suffix) => {
    const ranges = oneTypoRanges(word);
    expect(ranges.prefix.from).toBe(prefix);
    expect(ranges.reversedSuffix.from).toBe(suffix);
  });

  // Every word one typo from the query, whatever the typo and wherever it is, is in one of the two ranges.
  it('holds every word one typo away', () => {
    const letter = fc.constantFrom(...'aeinorstuñé'.split(''));
    const word = fc.array(letter, { minLength: 3, maxLength: 12 }).map((l) => l.join(''));
    const typo = fc.record({ kind: fc.constantFrom('change', 'drop', 'add', 'swap'), at: fc.nat(), c: letter });
    fc.assert(
      fc.property(word, typo, (query, { kind, at, c }) => {
        const l = [...query];
        const i = at % l.length;
        if (kind === 'change') l[i] = c;
        else if (kind === 'drop') l.splice(i, 1);
        else if (kind === 'add') l.splice(at % (l.length + 1), 0, c);
        else if (i + 1 < l.length) [l[i], l[i + 1]] = [l[i + 1]!, l[i]!];
        const near = l.join('');
        expect(withinOneTypo(near, query)).toBe(true);
        const { prefix, reversedSuffix } = oneTypoRanges(query);
        expect(inRange(near, prefix) || inRange(reversed(near), reversedSuffix)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
