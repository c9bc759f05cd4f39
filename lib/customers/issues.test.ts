import { describe, expect, it } from 'vitest';
import { formatPath } from './issues';

describe('formatPath', () => {
  it.each([
    [['profiles', 0, 'identifiers', 1, 'value'], 'profiles[0].identifiers[1].value'],
    [[], 'body'],
    [['fields', 'a.b'], 'fields["a.b"]'],
    [['', 0], '[""][0]'],
    [['extendedFields', 'say "hi"'], 'extendedFields["say \\"hi\\""]'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
