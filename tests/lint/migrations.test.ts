// The rule of db/migrations/0017_citus_distribution.sql: a migration after it that creates a table
// places it on Citus (`SELECT distribute_by_org(...)` naming it) once its foreign keys exist. On Citus
// a table created without it silently stays on the coordinator alone; this catches it without Citus.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MIGRATIONS = path.resolve(import.meta.dirname, '..', '..', 'db', 'migrations');
const DISTRIBUTION = 17;

/** Tables a migration creates that no `distribute_by_org(...)` after the last CREATE TABLE names. */
function undistributedTables(sql: string): string[] {
  const created = [...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(?:public"?\."?)?(\w+)"?/gi)].map((m) => m[1]!);
  const calls = [...sql.matchAll(/distribute_by_org\s*\(([^)]*)\)/gi)].map((m) => ({ at: m.index, args: m[1]! }));
  return created.filter((table) => {
    const lastCreate = sql.search(new RegExp(`CREATE TABLE (?:IF NOT EXISTS )?"?(?:public"?\\."?)?${table}"?`, 'i'));
    return !calls.some((c) => c.at > lastCreate && new RegExp(`\\b${table}\\b`).test(c.args));
  });
}

describe('migrations after the distribution', () => {
  it('place every table they create on Citus', () => {
    const late = readdirSync(MIGRATIONS)
      .filter((f) => /^\d{4}_.*\.sql$/.test(f) && Number(f.slice(0, 4)) > DISTRIBUTION)
      .map((f) => ({ file: f, missing: undistributedTables(readFileSync(path.join(MIGRATIONS, f), 'utf8')) }))
      .filter((m) => m.missing.length);
    expect(late).toEqual([]);
  });

  it('tells a migration that forgets it from one that does not', () => {
    const table = `CREATE TABLE "notes" ("org_id" integer NOT NULL);\n--> statement-breakpoint\n`;
    expect(undistributedTables(table)).toEqual(['notes']);
    expect(undistributedTables(`${table}SELECT distribute_by_org('{}', '{notes}');`)).toEqual([]);
    expect(undistributedTables(`SELECT distribute_by_org('{}', '{notes}');\n${table}`)).toEqual(['notes']);
    expect(undistributedTables(`${table}SELECT distribute_by_org('{}', '{other_notes}');`)).toEqual(['notes']);
  });
});
