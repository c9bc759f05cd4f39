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

/** A statement's parameter types and result columns, as PostgreSQL describes them (postgres.js). */
type Describe = (text: string) => Promise<{ types: number[]; columns: { name: string; type: number }[] }>;
const describers = new WeakMap<DbOrTx, Describe>();

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
    describers.set(db, async (text) => {
      const d = await client.unsafe(text).describe();
      return { types: d.types, columns: d.columns.map((c) => ({ name: c.name, type: c.type })) };
    });
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
 * customers: 17 ms of database CPU per search instead of well under one). Not on Citus (`prepares`).
 */
export async function execRows<T>(db: DbOrTx, query: SQL, { planEach = false } = {}): Promise<T[]> {
  const raw = rawClients.get(db);
  if (!raw) return rowsOf<T>(await db.execute(query));
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await raw(text, params, await prepares(db, planEach))) as T[];
}

/**
 * Whether to prepare a statement: unless `planEach`, and always on Citus. There the worker plans the
 * shard's query with the run's values however the coordinator planned it (for a prepared statement's
 * generic plan Citus sends the values in the query's text: seen in its log of remote commands), so
 * planning each run would only cost the coordinator's planning each time (docs/scaling.md, "Citus on
 * a quiet machine").
 */
async function prepares(db: DbOrTx, planEach: boolean): Promise<boolean> {
  return !planEach || (await onCitus(db));
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
  /**
   * A statement of steps (statementOfSteps) only: the same writes as a PL/pgSQL body of plain
   * statements, its `$n` the text's. On Citus it is the body of the statement's function
   * (makeStepsFunction).
   */
  body?: string;
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

/**
 * An insert of the rows of a select, in parts: `insert into <into> (<columns>) <select> <tail>`, the
 * select giving each column under its name (db/queries/json-insert.ts builds them).
 */
export interface InsertParts {
  into: string;
  columns: string[];
  select: SQL;
  /** `on conflict …`, `returning …`: no values. */
  tail: string;
}

/** A part of a statement of steps: a CTE of its text, one or more plain statements of its body. */
export type Step = {
  name: string;
  /** The earlier steps it reads (by name, as relations: `from c, sa`). */
  reads?: string[];
  /** What later steps read of its rows: the columns of its RETURNING or SELECT with their types. */
  returns?: string;
} & ({ query: SQL; insert?: never } | { insert: InsertParts; query?: never });

const STEP_BREAK = '\n-- step --\n';

/** An insert's parts as one statement. */
export const insertSql = (p: InsertParts): SQL =>
  sql`insert into ${sql.raw(p.into)} (${sql.raw(p.columns.join(', '))})\n    ${p.select}${sql.raw(p.tail ? ` ${p.tail}` : '')}`;

/** A step as a CTE of a statement: `<name> as (<query>)`. */
export const cteOf = (s: Step): SQL => sql`${sql.raw(s.name)} as (${s.query ?? insertSql(s.insert)})`;

/**
 * A statement of data-modifying CTEs, one per step, ending in `final` (a select of the steps), rendered
 * twice from the same parts: the text (`with <step> as (…), … <final>`), which PostgreSQL runs as one
 * statement, and a PL/pgSQL body that runs the steps in order as plain statements, each step's rows
 * kept (as JSON) for the steps that read them, and each insert as its select's rows inserted one by
 * one as `VALUES`. Citus routes each of those to the org's shard as it is; a statement whose CTEs
 * insert, or an insert of a select, it runs in steps through intermediate results (docs/scaling.md,
 * "Citus"). On Citus the body is a function the app calls (makeStepsFunction).
 */
export function statementOfSteps(steps: Step[], final: { query: SQL; reads: string[] }): Statement {
  const statement = statementOf(sql`with ${sql.join(steps.map(cteOf), sql`,\n`)}\n${final.query}`);
  // The parts that hold values, one after another: their values are numbered as in the text.
  const parts = statementOf(
    sql.join([...steps.map((s) => s.query ?? s.insert.select), final.query], sql.raw(STEP_BREAK)),
  );
  if (parts.names.join() !== statement.names.join()) throw new Error('statementOfSteps: the values are not in order');
  const texts = parts.text.split(STEP_BREAK);
  const kept = new Map<string, string>();
  const reading = (reads: string[] = [], text: string) => {
    const views = reads.map((name) => {
      const columns = kept.get(name);
      if (!columns) throw new Error(`statementOfSteps: ${name} is not an earlier step with returns`);
      return `${name} as (select * from jsonb_to_recordset(mc_${name}) as ${name}(${columns}))`;
    });
    return views.length ? `with ${views.join(',\n')}\n${text}` : text;
  };
  // A record variable of each step's own: PL/pgSQL plans a statement that reads a record's fields
  // again whenever the record's row type has changed, so one variable shared by the steps would have
  // every insert planned again on every call.
  const records: string[] = [];
  const lines = steps.map((s, i) => {
    const query = reading(s.reads, texts[i]!);
    const [row, out] = [`mc_${s.name}_row`, `mc_${s.name}_out`];
    const keep = s.returns ? `mc_${s.name} := mc_${s.name} || to_jsonb(${out});` : '';
    if (s.returns) {
      kept.set(s.name, s.returns);
      records.push(out);
    }
    if (s.insert) {
      records.push(row);
      const { into, columns, tail } = s.insert;
      const values = columns.map((c) => `${row}."${c}"`).join(', ');
      return `for ${row} in ${query}\nloop insert into ${into} (${columns.join(', ')}) values (${values})${
        tail ? ` ${tail}` : ''
      }${keep ? ` into ${out}` : ''}; ${keep} end loop;`;
    }
    if (!keep) return `${query};`;
    return `for ${out} in ${query}\nloop ${keep} end loop;`;
  });
  const declared = [
    ...records.map((name) => `${name} record;`),
    ...[...kept.keys()].map((name) => `mc_${name} jsonb := '[]';`),
  ];
  const body = `declare ${declared.join(' ')}
begin
${lines.join('\n')}
return query ${reading(final.reads, texts.at(-1)!)};
end`;
  return { ...statement, body };
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
  if (raw) {
    const fn = statement.body && describers.has(db) ? functionOf(statement) : null;
    const call = fn && (await stepsFunctionsOf(db)).has(fn.name);
    return (await raw(call ? fn.call : statement.text, params, await prepares(db, planEach))) as T[];
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
// of a customer) in steps through the coordinator, carrying each CTE's rows between nodes as
// intermediate results. On Citus a statement of steps is also made a PL/pgSQL function of its plain
// statements (makeStepsFunction, at migration), and execStatement sends the call instead of the text:
// one round trip from the app, and each statement inside routed by the coordinator to the org's shard.
// The function is not distributed (delegated to the worker): there the ids of the rows it inserts would
// come from the worker's own range of each sequence, while writes in a transaction, which stay on the
// coordinator, take the coordinator's, and a customer's history and events would no longer be in the
// order of their ids (measured: docs/scaling.md, "Registration on Citus, four shapes"). Outside Citus
// nothing changes.

/** The function of a statement: named by its text's hash, so a changed statement gets a function of its own. */
const functions = new WeakMap<Statement, { name: string; call: string }>();
function functionOf(statement: Statement): { name: string; call: string } {
  let fn = functions.get(statement);
  if (!fn) {
    const hash = createHash('sha1')
      .update(statement.text)
      .update(statement.body ?? '')
      .digest('hex');
    const name = `mc_write_${hash.slice(0, 16)}`;
    fn = { name, call: `select * from ${name}(${statement.names.map((_, i) => `$${i + 1}`).join(', ')})` };
    functions.set(statement, fn);
  }
  return fn;
}

/** `read` of a database, made once per database and kept; made again after a failed read. */
function keptPerDatabase<T>(read: (db: DbOrTx) => Promise<T>): (db: DbOrTx) => Promise<T> {
  const kept = new WeakMap<DbOrTx, Promise<T>>();
  return (db) => {
    let answer = kept.get(db);
    if (!answer) {
      answer = read(db).catch((err: unknown) => {
        kept.delete(db);
        throw err;
      });
      kept.set(db, answer);
    }
    return answer;
  };
}

/** Whether a database is Citus's (its extension installed). */
const onCitus = keptPerDatabase(async (db) => {
  const [row] = await execRows<{ citus: boolean }>(
    db,
    sql`select exists (select 1 from pg_extension where extname = 'citus') as citus`,
  );
  return row?.citus === true;
});

/** The functions of statements of steps a database holds (none outside Citus), by name. */
const stepsFunctionsOf = keptPerDatabase(async (db) => {
  if (!(await onCitus(db))) return new Set<string>();
  const rows = await execRows<{ name: string }>(
    db,
    sql`select proname as name from pg_proc where proname like 'mc_write_%' and pronamespace = 'public'::regnamespace`,
  );
  return new Set(rows.map((r) => r.name));
});

/** The SQL names of these type oids, in order. */
async function typeNames(db: DbOrTx, oids: number[]): Promise<string[]> {
  const rows = await execRows<{ name: string }>(
    db,
    sql`select format_type(t, null) as name from unnest(${`{${oids.join(',')}}`}::oid[]) with ordinality u(t, n) order by n`,
  );
  return rows.map((r) => r.name);
}

/**
 * On Citus, makes a statement of steps a PL/pgSQL function of its body, and sends the statement as a
 * call of it from then on (this process; others when they first send one). Its parameters and result
 * are the statement's, as PostgreSQL describes them. False, and nothing made, outside Citus (unless
 * `anyServer`: a test of the bodies on plain PostgreSQL, this process only), for a statement without a
 * body, or on a database this module did not open (the embedded one).
 */
export async function makeStepsFunction(db: Db, statement: Statement, { anyServer = false } = {}): Promise<boolean> {
  const describe = describers.get(db);
  if (!describe || !statement.body || !(anyServer || (await onCitus(db)))) return false;
  const { name } = functionOf(statement);
  const { types, columns } = await describe(statement.text);
  const parameters = await typeNames(db, types);
  const results = await typeNames(
    db,
    columns.map((c) => c.type),
  );
  const returns = columns.map((c, i) => `"${c.name}" ${results[i]}`).join(', ');
  await execRows(
    db,
    // `use_column`: the result's columns (customer_id, version…) are also variables of the function.
    sql.raw(`create or replace function ${name}(${parameters.join(', ')}) returns table (${returns})
      language plpgsql volatile as $mc_write$ #variable_conflict use_column
      ${statement.body} $mc_write$`),
  );
  (await stepsFunctionsOf(db)).add(name);
  return true;
}
