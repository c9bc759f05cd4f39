// The one database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Opened lazily on first use and kept on globalThis, so hot reloads and Next's module layers share it.
// It only connects: migrating and seeding are the start-up module's (lib/startup).
import 'server-only';
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
  /**
   * A database for writes whose durability point is a later commit of the caller's own: an import's
   * rows, which the job's checkpoint (on `db`, after them) makes durable. On PostgreSQL a pool of its
   * own, opened on first use, of `max` connections whose commits do not wait for the disk
   * (`synchronous_commit = off`): a synchronous commit flushes the WAL up to its own record, so every
   * commit before it is on disk once it is; a crash loses at most rows the checkpoint does not count.
   * The embedded database's one connection is `db` itself.
   */
  deferredDurability(max: number): Db;
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

async function openPostgres(url: string, settings: DatabaseEnv): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { DB_POOL_MAX, LOCK_TIMEOUT_MS, STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS } = settings;
  // postgres.js opens connections lazily, and again after one is lost: a database that went away and
  // came back is used again without a restart. Until then requests fail fast (the connect timeout).
  const pool = (max: number, connection: Record<string, string | number> = {}) => {
    const client = postgres(url, {
      max,
      onnotice: () => {},
      connect_timeout: DB_CONNECT_TIMEOUT_MS / 1000,
      // A registration that cannot get its identifiers' locks in time answers 521 instead of hanging;
      // no statement holds a connection of the pool longer than the statement timeout.
      connection: { lock_timeout: LOCK_TIMEOUT_MS, statement_timeout: STATEMENT_TIMEOUT_MS, ...connection },
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    rawClients.set(db, (text, params, prepare) => client.unsafe(text, params as never[], { prepare }));
    return { client, db };
  };
  const main = pool(DB_POOL_MAX);
  let deferred: ReturnType<typeof pool> | undefined;
  return {
    db: main.db,
    kind: 'postgres',
    listen: async (channel, onMessage) => {
      await main.client.listen(channel, onMessage);
    },
    deferredDurability: (max) => (deferred ??= pool(max, { synchronous_commit: 'off' })).db,
    close: async () => {
      await Promise.all([main.client.end({ timeout: 5 }), deferred?.client.end({ timeout: 5 })]);
    },
  };
}

/** What every embedded database of the app opens with: the extensions the migrations create. */
export async function pgliteOptions() {
  const [{ pg_trgm }, { fuzzystrmatch }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/fuzzystrmatch'),
  ]);
  return { extensions: { pg_trgm, fuzzystrmatch } };
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
    deferredDurability: () => db,
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

/**
 * Rows of a statement from `statementOf`, its placeholders taken from `values`. `planEach` as for
 * `execRows`: planned with each run's values (a batch whose best plan depends on how many rows it names).
 */
export async function execStatement<T>(
  db: DbOrTx,
  statement: Statement,
  values: object,
  { planEach = false } = {},
): Promise<T[]> {
  const params = statement.names.map((name) => (values as Record<string, unknown>)[name]);
  const raw = rawClients.get(db);
  if (raw) return (await raw(statement.text, params, !planEach)) as T[];
  // In a transaction (the rare locked paths): the same text and values, through drizzle, not prepared.
  const query = sql.join(
    statement.between.flatMap((text, i) =>
      i < params.length ? [sql.raw(text), sql.param(params[i])] : [sql.raw(text)],
    ),
  );
  return rowsOf<T>(await db.execute(query));
}
