import { describe, expect, it } from 'vitest';
import { loggableError } from './log';

describe('loggableError', () => {
  it('keeps the name, the database code and where it was thrown, never the message', () => {
    const cause = Object.assign(new Error('duplicate key value (tom@example.com)'), { code: '23505' });
    const err = new Error('Failed query: insert into customers …\nparams: ["Tom","tom@example.com","919800000001"]', {
      cause,
    });
    err.name = 'DrizzleQueryError';
    const logged = loggableError(err);
    expect(logged).toMatchObject({ name: 'DrizzleQueryError', code: '23505' });
    expect(logged.at?.[0]).toMatch(/^at .*log\.test\.ts/);
    expect(JSON.stringify(logged)).not.toMatch(/tom@example\.com|919800000001|Failed query/);
  });

  it('copes with what is not an Error', () => {
    expect(loggableError('boom')).toEqual({});
    expect(loggableError(null)).toEqual({});
  });
});
