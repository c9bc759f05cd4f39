// Every foreign-key check must probe an index on all of its key columns, even on a brand-new
// database whose tables have no statistics yet. PostgreSQL plans a check once per connection and
// keeps that plan; planned on an empty table against an index that only shares the leading org_id,
// each later check walks every row of the org, and registrations slow down as customers arrive
// (seen: 770/s falling to 210/s within a minute of load on a fresh database). The same holds for
// the new customer's registration statement, which looks its identity keys up itself.
import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { execRows, type Statement } from '@/db/client';
import {
  changeReadStatement,
  changeStatement,
  deleteIdentifiersStatement,
  releaseIdentityKeyStatement,
} from '@/db/queries/customer-care';
import { customerStatement } from '@/db/queries/customer-read';
import { identityMatchesStatement, registrationStatements } from '@/db/queries/registration';
import { claimStatement, customerForEventStatement, dueOrgsStatement } from '@/db/queries/webhooks';
import { webhookDeliveries } from '@/db/schema';
import { withFreshDatabase } from './fresh-database';

interface ForeignKey {
  name: string;
  parent: string;
  columns: string[];
  types: string[];
}
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(scans)].filter((n) => n['Node Type'].includes('Scan'));
}

/** Each statement's plan on a new database, planned as a prepared statement is after five runs: generically. */
function planGenerically(statements: Record<string, Statement>): Promise<Record<string, PlanNode>> {
  return withFreshDatabase((db) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      const result: Record<string, PlanNode> = {};
      for (const [i, [name, statement]] of Object.entries(statements).entries()) {
        await tx.execute(sql.raw(`prepare plan_${i} as ${statement.text}`));
        const [row] = await execRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
          tx,
          sql.raw(`explain (format json) execute plan_${i} (${statement.names.map(() => 'null').join(', ')})`),
        );
        const doc = row!['QUERY PLAN'];
        result[name] = (typeof doc === 'string' ? JSON.parse(doc) : doc)[0].Plan as PlanNode;
      }
      return result;
    }),
  );
}

describe('foreign-key checks on a new database', () => {
  it('each is an index probe on every key column, never a scan by org', async () => {
    const plans = await withFreshDatabase((db) =>
      db.transaction(async (tx) => {
        const fks = await execRows<ForeignKey>(
          tx,
          sql`
        select c.conname as name, c.confrelid::regclass::text as parent,
               array_agg(a.attname::text order by k.ord) as columns,
               array_agg(format_type(a.atttypid, a.atttypmod) order by k.ord) as types
        from pg_constraint c
        cross join unnest(c.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        group by c.conname, c.confrelid`,
        );
        expect(fks.length).toBeGreaterThan(10);
        // The query PostgreSQL's referential-integrity trigger runs, planned as it plans it: generic.
        await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
        const result: Record<string, PlanNode[]> = {};
        for (const [i, fk] of fks.entries()) {
          const where = fk.columns.map((c, n) => `${c} = $${n + 1}`).join(' and ');
          await tx.execute(
            sql.raw(
              `prepare fk_${i} (${fk.types.join(', ')}) as select 1 from only ${fk.parent} x where ${where} for key share of x`,
            ),
          );
          const [row] = await execRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
            tx,
            sql.raw(`explain (format json) execute fk_${i} (${fk.columns.map(() => 'null').join(', ')})`),
          );
          const doc = row!['QUERY PLAN'];
          result[`${fk.name} → ${fk.parent}(${fk.columns.join(', ')})`] = scans(
            (typeof doc === 'string' ? JSON.parse(doc) : doc)[0].Plan,
          );
        }
        return result;
      }),
    );
    for (const [fk, nodes] of Object.entries(plans)) {
      const columns = fk.slice(fk.lastIndexOf('(') + 1, -1).split(', ');
      expect(
        nodes.map((n) => n['Node Type']),
        fk,
      ).toEqual(['Index Scan']);
      expect(nodes[0]!.Filter, fk).toBeUndefined();
      for (const column of columns) expect(nodes[0]!['Index Cond'], fk).toMatch(new RegExp(`\\b${column} = `));
    }
  });
});

describe('the identity lookups on a new database', () => {
  it('look up each identity key, its customer and their source accounts by index probes, never by org', async () => {
    const statements = {
      "a new customer's registration": registrationStatements.new,
      findIdentityMatches: identityMatchesStatement,
    };
    const plans = await planGenerically(statements);
    const probes: Record<string, RegExp[]> = {
      identity_keys: [/\borg_id = /, /\btype = /, /\bvalue = /],
      customers: [/\borg_id = /, /\bid = /],
      source_accounts: [/\bcustomer_id = /, /\borg_id = /],
    };
    for (const [statement, plan] of Object.entries(plans)) {
      for (const [table, conditions] of Object.entries(probes)) {
        const nodes = scans(plan).filter((n) => n['Relation Name'] === table);
        expect(nodes.length, `${statement}: ${table}`).toBeGreaterThan(0);
        for (const node of nodes) {
          const where = `${statement}: ${table}`;
          expect(node['Node Type'], where).toMatch(/^(Index|Index Only|Bitmap Heap) Scan$/);
          const cond = node['Index Cond'] ?? node.Plans?.[0]?.['Index Cond'] ?? '';
          for (const c of conditions) expect(cond, `${where}: ${cond}`).toMatch(c);
          expect(node.Filter, `${where}: filtered after the probe`).toBeUndefined();
        }
      }
    }
  });
});

// Tables of one row or a handful per org: the probe by org is the lookup itself. The webhooks are
// looked up by org in every change's statement (the outbox part): an org has a few.
const FEW_ROWS_PER_ORG = new Set(['registration_configs', 'webhooks']);

describe('the statements of one customer on a new database', () => {
  it('read every table by an index on more than the org', async () => {
    const plans = await planGenerically({
      "a new customer's registration": registrationStatements.new,
      'the read of a customer (GET)': customerStatement,
      'the read before a change': changeReadStatement,
      "an existing customer's registration": registrationStatements.existing,
      'a change of a customer': changeStatement,
      "changeIdentifier's delete": deleteIdentifiersStatement,
      "changeIdentifier's release of a key": releaseIdentityKeyStatement,
    });
    const byOrg: string[] = [];
    for (const [statement, plan] of Object.entries(plans)) {
      const nodes = scans(plan).filter((n) => n['Relation Name'] !== undefined);
      expect(nodes.length, statement).toBeGreaterThan(0);
      for (const node of nodes) {
        const where = `${statement}: ${node['Relation Name']}`;
        expect(node['Node Type'], where).toMatch(/^(Index|Index Only|Bitmap Heap) Scan$/);
        const cond = node['Index Cond'] ?? node.Plans?.[0]?.['Index Cond'] ?? '';
        // A condition on another column than org_id: the probe is of one customer, account or key
        // (but for a table of a few rows per org).
        if (!FEW_ROWS_PER_ORG.has(node['Relation Name']!) && !/\w+ = /.test(cond.replace(/\(?org_id = \$\d+\)?/g, '')))
          byOrg.push(`${where} (${node['Index Name']}: ${cond}, filter ${node.Filter})`);
      }
    }
    expect(byOrg).toEqual([]);
  });
});

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

describe("the webhook worker's claim on a new database", () => {
  it('reads pending deliveries in the due index order up to its limit, and probes each one’s customer', async () => {
    const claim = (await planGenerically({ claim: claimStatement })).claim!;
    const all = nodes(claim);
    const outbox = all.filter((n) => n['Relation Name'] === 'webhook_deliveries');
    expect(outbox.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    // The limit is over an ordered scan, not over a sort of every pending row.
    const limit = all.find((n) => n['Node Type'] === 'Limit')!;
    expect(nodes(limit).map((n) => n['Node Type'])).not.toContain('Sort');
    expect(nodes(limit).map((n) => n['Index Name'])).toContain('webhook_deliveries_due_idx');
    // "No earlier pending event of this customer" looks up that customer only.
    const earlier = outbox.filter((n) => n['Index Name'] === 'webhook_deliveries_customer_idx');
    expect(earlier.length).toBeGreaterThan(0);
    for (const n of earlier) expect(n['Index Cond']).toMatch(/customer_id = /);
  });

  it('finds the orgs with due deliveries among the oldest due rows, read in index order', async () => {
    const plan = (await planGenerically({ orgs: dueOrgsStatement })).orgs!;
    const limits = nodes(plan).filter((n) => n['Node Type'] === 'Limit');
    // The inner limit (the oldest 1,000) is over the due index in order, not over a sort of every due row.
    const inner = limits.find((l) => nodes(l).some((n) => n['Index Name'] === 'webhook_deliveries_due_idx'));
    expect(inner).toBeDefined();
    const under = nodes(inner!).slice(1);
    const innerLimit = under.find((n) => n['Node Type'] === 'Limit') ?? inner!;
    expect(nodes(innerLimit).map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(nodes(innerLimit).map((n) => n['Node Type'])).not.toContain('Sort');
  });
});

describe("customerAdded's customer written into its event's copies, on a new database", () => {
  it("finds the copies among the customer's own pending deliveries", async () => {
    const plan = (await planGenerically({ add: customerForEventStatement })).add!;
    const outbox = scans(plan).filter((n) => n['Relation Name'] === 'webhook_deliveries');
    expect(outbox.length).toBeGreaterThan(0);
    for (const n of outbox) {
      expect(n['Node Type']).toMatch(/^Index (Only )?Scan$/);
      // The index's columns up to the customer (or the id) are all bound: no range over other rows.
      const columns = getTableConfig(webhookDeliveries)
        .indexes.find((i) => i.config.name === n['Index Name'])
        ?.config.columns.map((c) => (c as { name: string }).name) ?? ['org_id', 'id'];
      const last = columns.includes('customer_id') ? 'customer_id' : 'id';
      const upTo = columns.slice(0, columns.indexOf(last) + 1);
      for (const c of upTo) expect(n['Index Cond'], `${n['Index Name']}: ${c}`).toMatch(new RegExp(`\\b${c} = `));
    }
  });
});
