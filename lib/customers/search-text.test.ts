import { describe, expect, it } from 'vitest';
import { foldForSearch, prefixUpperBound, searchWords } from './search-text';

describe('foldForSearch', () => {
  it.each([
    ['José', 'jose'],
    ['PRIYA Sharma', 'priya sharma'],
    ['Ñuñez-Gómez', 'nunez-gomez'],
    ['Zoë Ångström', 'zoe angstrom'],
    ['ﬁona', 'fiona'],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('keeps the vowel signs of other scripts (they are letters there, not accents)', () => {
    expect(foldForSearch('प्रिया')).toBe('प्रिया'.normalize('NFKD'));
  });
});

describe('searchWords', () => {
  it('splits first and last names into distinct folded words', () => {
    expect(searchWords('Priya', 'Sharma')).toEqual(['priya', 'sharma']);
    expect(searchWords('Anne-Marie', "O'Neil  Smith", null, undefined, '')).toEqual([
      'anne',
      'marie',
      'o',
      'neil',
      'smith',
    ]);
    expect(searchWords('José', 'JOSE')).toEqual(['jose']);
    expect(searchWords('Tom\u00a0Sawyer')).toEqual(['tom', 'sawyer']);
  });
});

describe('prefixUpperBound', () => {
  it('is the next string after every string with the prefix', () => {
    expect(prefixUpperBound('pri')).toBe('prj');
    expect(prefixUpperBound('9198')).toBe('9199');
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('\u{10ffff}')).toBeNull();
    const upper = prefixUpperBound('zé')!;
    for (const s of ['zé', 'zéa', 'zé\u{10ffff}']) expect(s < upper && s >= 'zé').toBe(true);
  });
});
