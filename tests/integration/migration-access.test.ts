// Migrations 0004–0005 carry today's can_write_customers over to access values: a client that could
// write holds customers:write, one that could not holds customers:read. Run on a database of its own
// (in-memory PGlite), migrated to 0003 with clients of both kinds, then to the end.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgliteOptions } from '@/db/client';

const DIR = path.join(process.cwd(), 'db', 'migrations');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

async function apply(pg: { exec(sql: string): Promise<unknown> }, file: string) {
  for (const statement of readFileSync(path.join(DIR, file), 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) await pg.exec(statement);
  }
}

describe('the access migration', () => {
  it('turns can_write_customers into customers:write, and its absence into customers:read', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    // With the extensions later migrations need (pg_trgm, fuzzystrmatch), as the app's embedded database has them.
    const pg = await PGlite.create(await pgliteOptions());
    try {
      const before = files.filter((f) => f < '0004');
      for (const f of before) await apply(pg, f);
      await pg.exec(`
        insert into orgs (code, name, region) values ('m', 'Migrated', 'US');
        insert into api_clients (org_id, kind, key, secret_salt, secret_hash, can_write_customers)
        values (1, 'TILL', 'writer.till', 's', 'h', true), (1, 'TILL', 'reader.till', 's', 'h', false);`);
      for (const f of files.filter((f) => f >= '0004')) await apply(pg, f);
      const { rows } = await pg.query<{ key: string; access: string[] }>(
        'select key, access from api_clients order by key',
      );
      expect(rows).toEqual([
        { key: 'reader.till', access: ['customers:read'] },
        { key: 'writer.till', access: ['customers:write'] },
      ]);
      const columns = await pg.query(
        `select column_name from information_schema.columns where table_name = 'api_clients' and column_name = 'can_write_customers'`,
      );
      expect(columns.rows).toEqual([]);
    } finally {
      await pg.close();
    }
  });
});
