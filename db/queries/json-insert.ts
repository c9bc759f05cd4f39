// Inserts fed by a JSON parameter, rendered from the drizzle table definitions: a table's columns are
// named once (db/schema), and a statement that writes many rows of it takes them as one JSON array.
// The JSON rows carry the columns under their drizzle names (`seriesId`), so a row is typed by the
// table (`JsonRow`) and the engine's objects need no renaming; in the SQL they read as x."seriesId".
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { insertSql, type InsertParts } from '@/db/client';

type ColumnKey<T extends PgTable> = keyof T['_']['columns'] & string;

/** A row of `table` as a JSON parameter carries it: these columns, under their drizzle names. */
export type JsonRow<T extends PgTable, K extends keyof T['$inferSelect']> = Pick<T['$inferSelect'], K>;

interface JsonInsert<T extends PgTable> {
  table: T;
  /** The JSON array (a `jsonParam`). */
  rows: SQL;
  /** Columns each JSON row gives, by their drizzle names. */
  fromJson: readonly ColumnKey<T>[];
  /** Columns the statement gives (the org, the ids of rows it wrote before), which may read x. */
  set: Partial<Record<ColumnKey<T>, SQL>>;
  /** Other fields of the JSON rows (to join or order on, or read by `set`), with their SQL types. */
  also?: Record<string, string>;
  /** What the rows are read with: `from <from>, <rows>`, or with `on`: `from <from> join <rows> on <on>`. */
  from?: SQL;
  on?: SQL;
  /** The order of the rows (their ids follow it). */
  order?: SQL;
  /** What follows the select: `on conflict`, `returning`. */
  tail?: string;
}

const field = (name: string) => `x."${name}"`;

/**
 * `insert into <table> (<columns>) select <values> from jsonb_to_recordset(<rows>) as x(<field type>, ...)`,
 * each column's name and SQL type taken from the drizzle table, as the parts of an insert (InsertParts).
 */
export function jsonInsert<T extends PgTable>(p: JsonInsert<T>): InsertParts {
  const columns = getTableColumns(p.table) as Record<string, { name: string; getSQLType(): string }>;
  const setKeys = Object.keys(p.set) as ColumnKey<T>[];
  const names = [...setKeys, ...p.fromJson].map((k) => columns[k]!.name);
  const values = [...setKeys.map((k) => p.set[k]!), ...p.fromJson.map((k) => sql.raw(field(k)))];
  const types = [
    ...p.fromJson.map((k) => `"${k}" ${columns[k]!.getSQLType()}`),
    ...Object.entries(p.also ?? {}).map(([name, type]) => `"${name}" ${type}`),
  ];
  const recordset = sql`jsonb_to_recordset(${p.rows}) as x(${sql.raw(types.join(', '))})`;
  const from = !p.from ? recordset : p.on ? sql`${p.from} join ${recordset} on ${p.on}` : sql`${p.from}, ${recordset}`;
  return insertOf(
    getTableName(p.table),
    names,
    values,
    sql`from ${from}${p.order ? sql` order by ${p.order}` : sql``}`,
    p.tail,
  );
}

/** The parts of `insert into <table> (<columns>) select <values> <rest> <tail>`. */
export function insertOf(table: string, columns: string[], values: SQL[], rest: SQL, tail = ''): InsertParts {
  const labelled = values.map((v, i) => sql`${v} as "${sql.raw(columns[i]!)}"`);
  return { into: table, columns, select: sql`select ${sql.join(labelled, sql`, `)}\n    ${rest}`, tail };
}

/** insertSql(jsonInsert(p)). */
export const insertFromJson = <T extends PgTable>(p: JsonInsert<T>): SQL => insertSql(jsonInsert(p));
