// EXPLAIN ANALYZE of the search's statements (docs/scaling.md, "Search at a million customers"), on the
// database of DATABASE_URL, for the org of --org (default bench) and the queries given:
//   DATABASE_URL=postgres://… npx tsx scripts/search-plan.ts --org bench 'pri sha' 8000001234 p42@example.com
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { searchMatchesSql } from '@/db/queries/search';
import { searchPlanOf } from '@/lib/customers/search';

const { values, positionals } = parseArgs({
  options: { org: { type: 'string', default: 'bench' } },
  allowPositionals: true,
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { max: 1, onnotice: () => {} });
const dialect = new PgDialect();
const [org] = await sql<{ id: number }[]>`select id from orgs where code = ${values.org!}`;
if (!org) throw new Error(`no org ${values.org}`);
for (const q of positionals) {
  const statement = searchMatchesSql(searchPlanOf(org.id, { q, limit: 20 }));
  if (!statement) continue;
  const { sql: text, params } = dialect.sqlToQuery(statement);
  // Twice: the first run warms the cache; the second is the one shown.
  await sql.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
  const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${text}`, params as never[]);
  console.log(`\n-- q = ${JSON.stringify(q)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
}
await sql.end();
