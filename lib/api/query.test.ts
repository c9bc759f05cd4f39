import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors';
import { CustomerQuerySchema, HistoryQuerySchema, LookupQuerySchema, parseQuery, SearchQuerySchema } from './query';

const url = (query: string) => `http://localhost/v2/customers/x?${query}`;

function problems(run: () => unknown) {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err.items;
    throw err;
  }
  throw new Error('parsed');
}

describe('query strings', () => {
  it('lookup: both identifier parameters required, each named; the type checked only when given', () => {
    expect(problems(() => parseQuery(LookupQuerySchema, url('identifierValue=%20')))).toEqual([
      { status: false, code: 400, message: 'identifierName: is required', field: 'identifierName' },
      { status: false, code: 400, message: 'identifierValue: is required', field: 'identifierValue' },
    ]);
    expect(problems(() => parseQuery(LookupQuerySchema, url('identifierName=shoe&identifierValue=1')))).toEqual([
      { status: false, code: 8121, message: expect.stringContaining('shoe'), field: 'identifierName' },
    ]);
  });

  it('lookup: INSTORE when no source is given, every source for ALL, 3217 without a field for an unknown one', () => {
    const base = 'identifierName=%20Mobile%20&identifierValue=%2B91%2098';
    expect(parseQuery(LookupQuerySchema, url(base))).toEqual({
      identifierName: 'mobile',
      identifierValue: '+91 98',
      source: 'INSTORE',
      accountId: undefined,
    });
    expect(parseQuery(LookupQuerySchema, url(`${base}&source=all&accountId=%20`)).source).toBeUndefined();
    expect(parseQuery(LookupQuerySchema, url(`${base}&source=line&accountId=%20a1%20`))).toMatchObject({
      source: 'LINE',
      accountId: 'a1',
    });
    expect(problems(() => parseQuery(LookupQuerySchema, url(`${base}&source=MOON`)))).toEqual([
      { status: false, code: 3217, message: 'Source is invalid' },
    ]);
    expect(parseQuery(CustomerQuerySchema, url('source=&accountId='))).toEqual({
      source: undefined,
      accountId: undefined,
    });
  });

  it('search and history: defaults, bounds, and the first of a repeated parameter', () => {
    expect(parseQuery(SearchQuerySchema, url('q=%20pri%20&q=x'))).toEqual({ q: 'pri', limit: 20 });
    expect(parseQuery(SearchQuerySchema, url('q=pri&limit=05'))).toEqual({ q: 'pri', limit: 5 });
    expect(problems(() => parseQuery(SearchQuerySchema, url('q=p&limit=51')))).toEqual([
      { status: false, code: 400, message: 'q: expected 2 to 255 characters', field: 'q' },
      { status: false, code: 400, message: 'limit: expected a whole number from 1 to 50', field: 'limit' },
    ]);
    expect(parseQuery(HistoryQuerySchema, url('limit=&before='))).toEqual({ limit: 50, before: undefined });
    expect(parseQuery(HistoryQuerySchema, url('limit=200&before=17'))).toEqual({ limit: 200, before: 17 });
    expect(problems(() => parseQuery(HistoryQuerySchema, url('limit=0200&before=-1')))).toEqual([
      { status: false, code: 400, message: 'limit: expected a whole number from 1 to 200', field: 'limit' },
      { status: false, code: 400, message: 'before: expected an entry id', field: 'before' },
    ]);
  });
});
