// What the app sends to the database, for the tests that check it: postgres.js with options added to
// every connection it opens (the app's included), installed by a test's own `vi.mock('postgres', …)`,
// which must stay in the test file (vitest hoists it there) and loads this from inside its factory.
import type postgres from 'postgres';

type Options = postgres.Options<Record<string, postgres.PostgresType>>;

/** `real`, each connection opened with `added(options)` over the options it was given. */
export function withAddedOptions(real: typeof postgres, added: (options: Options) => Options): typeof postgres {
  const opening = (url: string, options: Options = {}) => real(url, { ...options, ...added(options) });
  return Object.assign(opening, real) as typeof postgres;
}

/** A call of the function of a write (db/client.ts, makeStepsFunction), as the app sends it. */
export const isWriteFunctionCall = (text: string): boolean => /^select \* from mc_write_[0-9a-f]+\(/.test(text);

/** A statement of steps sent as text: a statement whose CTEs insert. */
export const isStatementOfSteps = (text: string): boolean => /^\s*with\b[\s\S]*\binsert into\b/i.test(text);
