// On Citus (npm run test:citus): after the migrations every table is distributed by org, colocated
// with customers, or a reference table; none is left on the coordinator alone (a later migration that
// forgot distribute_by_org: db/migrations/0017_citus_distribution.sql), and the foreign keys are back.
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { execRows, getDb } from '@/db/client';
import * as schema from '@/db/schema';

const REFERENCE = ['api_clients', 'extended_field_catalogue', 'orgs', 'staff_users', 'tills', 'verticals'];

describe('the tables on Citus', () => {
  it('are each distributed by org_id with customers, or a reference table', async () => {
    const db = await getDb();
    const tables = await execRows<{ name: string; kind: string | null; column: string | null; colocated: boolean }>(
      db,
      sql`
      select c.relname as name, p.partmethod as kind,
        case when p.partmethod = 'h' then column_to_column_name(p.logicalrelid, p.partkey) end as column,
        p.colocationid = (select colocationid from pg_dist_partition where logicalrelid = 'customers'::regclass) as colocated
      from pg_class c
      left join pg_dist_partition p on p.logicalrelid = c.oid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    );
    expect(tables.length).toBeGreaterThan(30);
    const wrong = tables.filter((t) =>
      REFERENCE.includes(t.name) ? t.kind !== 'n' : t.kind !== 'h' || t.column !== 'org_id' || !t.colocated,
    );
    expect(wrong).toEqual([]);
  });

  it('keep every foreign key of the schema (on the tables; the shards have theirs)', async () => {
    const db = await getDb();
    const rows = await execRows<{ name: string }>(
      db,
      sql`select c.conname as name from pg_constraint c
        join pg_dist_partition p on p.logicalrelid = c.conrelid
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
    );
    // PostgreSQL cuts a name at 63 bytes; drizzle's longer names are stored cut.
    const declared = Object.values(schema)
      .filter((t) => is(t, PgTable))
      .flatMap((t) => getTableConfig(t).foreignKeys.map((fk) => fk.getName().slice(0, 63)));
    expect(declared.length).toBeGreaterThan(30);
    expect(rows.map((r) => r.name).sort()).toEqual(declared.sort());
  });
});
