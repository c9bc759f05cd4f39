import { describe, expect, it } from 'vitest';
import { searchCandidates } from './search';

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
});
