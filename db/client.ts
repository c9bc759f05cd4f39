// The one database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Opened lazily on first use and kept on globalThis, so hot reloads and Next's module layers share it.
// It only connects: migrating and seeding are the start-up module's (lib/startup).
import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { is, Placeholder, sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { databaseEnv, type DatabaseEnv } from './env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take this first, so a transaction can pass through. */
export type DbOrTx = Db | Tx;

export type DbKind = 'postgres' | 'pglite';

export interface Handle {
  db: Db;
  kind: DbKind;
  /** LISTEN on a channel (cross-process cache invalidation). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

const g = globalThis as typeof globalThis & { __memberCareDb?: Promise<Handle> };

/** Runs a statement's text with its values on the driver's own client: `prepare` names it (postgres.js). */
type RawClient = (text: string, params: unknown[], prepare: boolean) => Promise<unknown[]>;

/**
 * The driver's client behind each database this module opened. A transaction (drizzle's `tx`) is not
 * among them: it runs its statements through drizzle's public `execute`, unprepared.
 */
const rawClients = new WeakMap<DbOrTx, RawClient>();

/** A statement's parameter types and result columns, as PostgreSQL describes it (postgres.js). */
type Describe = (text: string) => Promise<{ types: number[]; columns: { name: string; type: number }[] }>;
const describers = new WeakMap<DbOrTx, Describe>();
/**
 * The functions of delegateToOrgShard a PostgreSQL database holds (none outside Citus), by name: read
 * with the first statement sent, and again after a failed read.
 */
const delegated = new WeakMap<DbOrTx, Promise<Set<string>>>();
function delegatedOf(db: DbOrTx): Promise<Set<string>> {
  let names = delegated.get(db);
  if (!names) {
    names = delegatedFunctions(db).catch((err: unknown) => {
      delegated.delete(db);
      throw err;
    });
    delegated.set(db, names);
  }
  return names;
}

async function openPostgres(url: string, settings: DatabaseEnv): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { DB_POOL_MAX, LOCK_TIMEOUT_MS, STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS } = settings;
  // postgres.js opens connections lazily, and again after one is lost: a database that went away and
  // came back is used again without a restart. Until then requests fail fast (the connect timeout).
  const sql = postgres(url, {
    max: DB_POOL_MAX,
    onnotice: () => {},
    connect_timeout: DB_CONNECT_TIMEOUT_MS / 1000,
    // A registration that cannot get its identifiers' locks in time answers 521 instead of hanging;
    // no statement holds a connection of the pool longer than the statement timeout.
    connection: { lock_timeout: LOCK_TIMEOUT_MS, statement_timeout: STATEMENT_TIMEOUT_MS },
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  rawClients.set(db, (text, params, prepare) => sql.unsafe(text, params as never[], { prepare }));
  describers.set(db, async (text) => {
    const d = await sql.unsafe(text).describe();
    return { types: d.types, columns: d.columns.map((c) => ({ name: c.name, type: c.type })) };
  });
  return {
    db,
    kind: 'postgres',
    listen: async (channel, onMessage) => {
      await sql.listen(channel, onMessage);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** What every embedded database of the app opens with: the extensions the migrations create (pg_trgm). */
export async function pgliteOptions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { extensions: { pg_trgm } };
}

async function openPglite(dir: string): Promise<Handle> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, await pgliteOptions());
  const db = drizzle(client, { schema }) as unknown as Db;
  // Dates, times and intervals stay text, as drizzle (and postgres.js, configured by drizzle) leave them.
  const asText = (value: string) => value;
  const parsers = Object.fromEntries(
    [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1115, 1182, 1185, 1187, 1231].map((t) => [
      t,
      asText,
    ]),
  );
  rawClients.set(db, async (text, params) => (await client.query(text, params, { rowMode: 'object', parsers })).rows);
  return {
    db,
    kind: 'pglite',
    listen: async (channel, onMessage) => {
      await client.listen(channel, onMessage);
    },
    close: () => client.close(),
  };
}

function open(): Promise<Handle> {
  const settings = databaseEnv();
  return settings.DATABASE_URL ? openPostgres(settings.DATABASE_URL, settings) : openPglite(settings.PGLITE_DIR);
}

export function getHandle(): Promise<Handle> {
  g.__memberCareDb ??= open().catch((err: unknown) => {
    g.__memberCareDb = undefined;
    throw err;
  });
  return g.__memberCareDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = g.__memberCareDb;
  g.__memberCareDb = undefined;
  if (handle) await (await handle).close();
}

const dialect = new PgDialect();

/**
 * Rows of a raw statement, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`).
 * On postgres.js the statement is prepared: parsed and planned once per connection, then only bound
 * and run. drizzle's `execute` cannot name a statement (it sends it unnamed, so PostgreSQL would plan
 * the registration's multi-table statement on every request: measured, twice the database's CPU per
 * registration), so the statement goes to the driver's own client, `sql.unsafe(text, params, { prepare })`;
 * PGlite's `query()` has nothing to prepare. Inside a transaction it goes through drizzle's `execute`.
 * Callers keep the number of distinct statement texts small (each is cached per connection).
 * Parameters are bound with the types PostgreSQL infers, so JSON goes in as `$n::text::jsonb`.
 * `planEach`: sent unnamed instead, so each run is planned with its own values. For statements whose
 * best plan depends on the values (the search's prefix ranges): after five runs of a prepared statement
 * PostgreSQL may settle on a generic plan, blind to how many rows a range holds (measured at a million
 * customers: 17 ms of database CPU per search instead of well under one).
 */
export async function execRows<T>(db: DbOrTx, query: SQL, { planEach = false } = {}): Promise<T[]> {
  const raw = rawClients.get(db);
  if (!raw) return rowsOf<T>(await db.execute(query));
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await raw(text, params, !planEach)) as T[];
}

/** postgres.js answers an array of rows, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A statement rendered once: its text, and the placeholder name behind each `$n`. */
export interface Statement {
  text: string;
  names: string[];
  /** The text between the values (one more than `names`), to send it through drizzle in a transaction. */
  between: string[];
}

/**
 * Renders a statement whose every value is a `sql.placeholder(name)`, once. Building and rendering
 * drizzle's SQL objects cost about a tenth of a registration's CPU in Node when done per request;
 * a statement kept as text is only bound (`execStatement`) and, on postgres.js, prepared as above.
 */
export function statementOf(query: SQL): Statement {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const names = params.map((p) => {
    if (!is(p, Placeholder)) throw new Error('statementOf: every value must be a placeholder');
    return p.name;
  });
  // drizzle numbers the values $1, $2, ... in order, one number each: the text splits at them.
  const between = text.split(/\$\d+\b/);
  const numbers = [...text.matchAll(/\$(\d+)\b/g)].map((m) => Number(m[1]));
  if (between.length !== names.length + 1 || numbers.some((n, i) => n !== i + 1))
    throw new Error('statementOf: the text holds a $n that is not a value');
  return { text, names, between };
}

/** A named value of a statement from `statementOf`. */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;
/** A JSON value, bound as text: a prepared statement would otherwise bind the string as jsonb and encode it twice. */
export const jsonParam = (name: string): SQL => sql`${sql.placeholder(name)}::text::jsonb`;

/** Rows of a statement from `statementOf`, its placeholders taken from `values`. */
export async function execStatement<T>(db: DbOrTx, statement: Statement, values: object): Promise<T[]> {
  const params = statement.names.map((name) => (values as Record<string, unknown>)[name]);
  const raw = rawClients.get(db);
  if (raw) {
    const names = describers.has(db) ? await delegatedOf(db) : null;
    const fn = names?.size ? functionOf(statement) : null;
    return (await raw(fn && names!.has(fn.name) ? fn.call : statement.text, params, true)) as T[];
  }
  // In a transaction (the rare locked paths): the same text and values, through drizzle, not prepared.
  const query = sql.join(
    statement.between.flatMap((text, i) =>
      i < params.length ? [sql.raw(text), sql.param(params[i])] : [sql.raw(text)],
    ),
  );
  return rowsOf<T>(await db.execute(query));
}

// Citus (docs/scaling.md, "Citus"). Citus runs a statement whose CTEs insert (a registration, a change
// of a customer) through the coordinator in steps, one round trip to the worker per CTE. The same text
// as a SQL function distributed with customers by its org argument is sent whole to the worker holding
// the org's shards, which runs it there: one round trip. delegateToOrgShard makes the function (at
// migration); execStatement then sends the call instead of the text. Outside Citus nothing changes.

/** The function of a statement: named by its text's hash, so a changed text gets a function of its own. */
const functions = new WeakMap<Statement, { name: string; call: string }>();
function functionOf(statement: Statement): { name: string; call: string } {
  let fn = functions.get(statement);
  if (!fn) {
    const name = `mc_write_${createHash('sha1').update(statement.text).digest('hex').slice(0, 16)}`;
    const args = statement.names.map((_, i) => `$${i + 1}`).join(', ');
    fn = { name, call: `select * from ${name}(${args})` };
    functions.set(statement, fn);
  }
  return fn;
}

async function onCitus(db: DbOrTx): Promise<boolean> {
  const [row] = await execRows<{ citus: boolean }>(
    db,
    sql`select exists (select 1 from pg_extension where extname = 'citus') as citus`,
  );
  return row?.citus === true;
}

/** The delegated functions the database holds: none outside Citus. */
async function delegatedFunctions(db: DbOrTx): Promise<Set<string>> {
  if (!(await onCitus(db))) return new Set();
  const rows = await execRows<{ name: string }>(
    db,
    sql`select p.proname as name from pg_proc p
      join pg_catalog.pg_dist_object o on o.classid = 'pg_proc'::regclass and o.objid = p.oid
      where p.proname like 'mc_write_%' and o.distribution_argument_index is not null`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * On Citus, makes `statement` a SQL function distributed by its `orgId` argument and colocated with
 * customers, and sends the statement as a call of it from then on (this process; others when they
 * connect). Its parameters and result are the statement's, as PostgreSQL describes them. False (and
 * nothing made) outside Citus, or on a database this module did not open.
 */
export async function delegateToOrgShard(db: Db, statement: Statement): Promise<boolean> {
  const describe = describers.get(db);
  const org = statement.names.indexOf('orgId');
  if (!describe || org < 0 || !(await onCitus(db))) return false;
  const { name } = functionOf(statement);
  const { types, columns } = await describe(statement.text);
  const typeNames = await execRows<{ name: string }>(
    db,
    sql`select format_type(t, null) as name from unnest(${`{${types.join(',')}}`}::oid[]) with ordinality u(t, n) order by n`,
  );
  const columnTypes = await execRows<{ name: string }>(
    db,
    sql`select format_type(t, null) as name from unnest(${`{${columns.map((c) => c.type).join(',')}}`}::oid[]) with ordinality u(t, n) order by n`,
  );
  const signature = `${name}(${typeNames.map((t) => t.name).join(', ')})`;
  const returns = columns.map((c, i) => `"${c.name}" ${columnTypes[i]!.name}`).join(', ');
  await execRows(
    db,
    // PL/pgSQL, not SQL: Citus plans no parameter of a SQL function's statement. `use_column`: the
    // result's column names (customer_id, version…) are also variables of a PL/pgSQL function.
    sql.raw(`create or replace function ${signature} returns table (${returns})
      language plpgsql volatile as $mc_write$ #variable_conflict use_column
      begin return query ${statement.text}; end $mc_write$`),
  );
  await execRows(
    db,
    sql`select create_distributed_function(${signature}, ${`$${org + 1}`}, colocate_with := 'customers')`,
  );
  (await delegatedOf(db)).add(name);
  return true;
}
