// EXPLAIN ANALYZE of the search's statements (docs/scaling.md, "Search at a million customers"), on the
// database of DATABASE_URL, for the org of --org (default bench) and the queries given: the search, and
// the one-typo search that runs when it finds nobody:
//   DATABASE_URL=postgres://… npx tsx scripts/search-plan.ts --org bench 'pri sha' 8000001234 p42@example.com
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { searchMatchesSql, similarNamesSql } from '@/db/queries/search';
import { oneTypoPlanOf, searchPlanOf } from '@/lib/customers/search';

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
async function explain(label: string, statement: SQL) {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  // Twice: the first run warms the cache; the second is the one shown.
  await sql.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
  const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${text}`, params as never[]);
  console.log(`\n-- ${label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
}
for (const q of positionals) {
  const options = { q, limit: 20 };
  const statement = searchMatchesSql(searchPlanOf(org.id, options));
  if (statement) await explain(`q = ${JSON.stringify(q)}`, statement);
  const typo = oneTypoPlanOf(org.id, options);
  const typoStatement = typo && similarNamesSql(typo);
  if (typoStatement) await explain(`q = ${JSON.stringify(q)}, one typo away`, typoStatement);
}
await sql.end();
