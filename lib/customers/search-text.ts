// Folding of names and search queries, one function for both (docs/api.md, "Search"): NFKD, the
// diacritics of the combining-mark blocks stripped, lower-cased, split into words at white space and ASCII
// punctuation. "José" and "JOSE" fold to "jose"; letters of other scripts keep their own marks.
// The migration that made the search (db/migrations/0002) folds the names already stored with the same
// steps in SQL: normalize(…, NFKD), regexp_replace of DIACRITICS, lower, regexp_split_to_table on SEPARATORS.

/** Combining diacritical marks (and their supplement, extended and half-mark blocks). */
export const DIACRITICS = '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]';
/** White space and ASCII punctuation separate words (NFKD has already turned odd spaces into spaces). */
export const SEPARATORS = '[\\s!-/:-@[-`{-~]+';
/** Longer words are cut: a name is at most 100 characters anyway. */
export const MAX_WORD_LENGTH = 100;

const diacritics = new RegExp(DIACRITICS, 'gu');
const separators = new RegExp(SEPARATORS, 'u');

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(diacritics, '').toLowerCase();
}

/** The distinct folded words of some texts (names), in order of first appearance. */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of foldForSearch(text).split(separators))
      if (word) words.add([...word].slice(0, MAX_WORD_LENGTH).join(''));
  }
  return [...words];
}

/**
 * The smallest string greater than every string starting with `prefix`, in byte (code point) order: a
 * prefix is then the range [prefix, upper) of a text_pattern_ops index. Null when there is none.
 */
export function prefixUpperBound(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length) {
    const last = chars.pop()!.codePointAt(0)!;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // no surrogates in text
    if (next <= 0x10ffff) return chars.join('') + String.fromCodePoint(next);
  }
  return null;
}
