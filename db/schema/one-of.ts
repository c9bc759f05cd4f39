// A check constraint's `column in ('A','B',...)` built from a list of lib/vocabulary.ts, so the
// database and the code accept the same words. The text is the one drizzle-kit generated before.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export function isOneOf(column: AnyPgColumn, words: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(words.map((w) => `'${w}'`).join(','))})`;
}
