import { describe, expect, it } from 'vitest';
import { hostileJsonProblems, MAX_JSON_DEPTH } from './read-body';

const fields = (body: unknown) => hostileJsonProblems(body).map((p) => p.field);

describe('hostileJsonProblems (docs/api.md, "Hostile input")', () => {
  it('passes an ordinary body', () => {
    const body = { profiles: [{ firstName: 'Zoë 山田 🙂', identifiers: [{ type: 'mobile', value: 919800000001 }] }] };
    expect(hostileJsonProblems(body)).toEqual([]);
  });

  it('names every string with NUL or a lone surrogate, keys included, in request order', () => {
    const body = JSON.parse(
      '{"profiles":[{"firstName":"a\\u0000b","identifiers":[{"type":"mobile","value":"\\ud800"}],' +
        '"fields":{"x\\udfff":"1","ok":"\\ud83d\\ude42"}}],"statusLabel":"\\udc00\\ud800"}',
    ) as unknown;
    expect(hostileJsonProblems(body)).toEqual([
      expect.objectContaining({
        code: 400,
        field: 'profiles[0].firstName',
        message: 'profiles[0].firstName: must not contain the NUL character (U+0000)',
      }),
      expect.objectContaining({
        field: 'profiles[0].identifiers[0].value',
        message: 'profiles[0].identifiers[0].value: must not contain a lone surrogate (invalid UTF-16)',
      }),
      // The key itself is not echoed: the object holding it is named.
      expect.objectContaining({
        field: 'profiles[0].fields',
        message: 'profiles[0].fields: a key must not contain a lone surrogate (invalid UTF-16)',
      }),
      expect.objectContaining({ field: 'statusLabel' }),
    ]);
  });

  it('refuses numbers JSON.parse could only make infinite', () => {
    const body = JSON.parse('{"loyaltyProgramEnrollments":[{"loyaltyPoints":1.8e308}],"x":-1e400}') as unknown;
    expect(fields(body)).toEqual(['loyaltyProgramEnrollments[0].loyaltyPoints', 'x']);
  });

  it('refuses nesting thousands deep without recursing (no stack overflow), naming where the limit is passed', () => {
    const deep = JSON.parse(`{"meta":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as unknown;
    const problems = hostileJsonProblems(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(`meta${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`);
    expect(problems[0]!.message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('accepts nesting up to the limit', () => {
    let body: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH; i++) body = { a: body };
    expect(hostileJsonProblems(body)).toEqual([]);
  });

  it('names at most 20 problems of a body full of them', () => {
    const body = { list: Array.from({ length: 5000 }, () => '\u0000') };
    expect(hostileJsonProblems(body)).toHaveLength(20);
  });
});
