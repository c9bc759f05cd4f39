// Every foreign-key check must probe an index on all of its key columns, even on a brand-new
// database whose tables have no statistics yet. PostgreSQL plans a check once per connection and
// keeps that plan; planned on an empty table against an index that only shares the leading org_id,
// each later check walks every row of the org, and registrations slow down as customers arrive
// (seen: 770/s falling to 210/s within a minute of load on a fresh database). The same holds for
// the new customer's registration statement, which looks its identity keys up itself.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { execRows, type Statement } from '@/db/client';
import {
  changeReadStatement,
  changeStatement,
  deleteIdentifiersStatement,
  releaseIdentityKeyStatement,
} from '@/db/queries/customer-care';
import { customerStatement, customersStatement } from '@/db/queries/customer-read';
import { identityMatchesStatement, registrationStatements } from '@/db/queries/registration';
import {
  claimStatement,
  customersForEventsStatement,
  dueOrgsStatement,
  recordAttemptsStatement,
} from '@/db/queries/webhooks';
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

/**
 * A statement sent unnamed (`planEach`), as PostgreSQL plans it with `values` on a young outbox: 5,000
 * deliveries of one org's webhook, one in ten pending, never analysed (a new database under load).
 */
function planOnYoungOutbox(
  statement: Statement,
  values: (k: { orgId: number; webhookId: number }) => Record<string, unknown>,
): Promise<PlanNode> {
  return withFreshDatabase((db) =>
    db.transaction(async (tx) => {
      const [hook] = await execRows<{ org_id: number; id: number }>(
        tx,
        sql`insert into webhooks (org_id, name, url, event_names, secret_ciphertext)
            select id, 'plan', 'http://127.0.0.1:9/', '{customerAdded}', 'x' from orgs order by id limit 1
            returning org_id, id`,
      );
      await tx.execute(
        sql`insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data, status)
            select ${hook!.org_id}, ${hook!.id}, g, gen_random_uuid(), 'customerAdded', 'r', '{}',
              case when g % 10 = 0 then 'pending' else 'delivered' end
            from generate_series(1, 5000) g`,
      );
      await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
      await tx.execute(sql.raw(`prepare plan_with as ${statement.text}`));
      const given = values({ orgId: Number(hook!.org_id), webhookId: Number(hook!.id) });
      const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
      const [row] = await execRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
        tx,
        sql.raw(
          `explain (format json) execute plan_with (${statement.names.map((n) => literal(given[n])).join(', ')})`,
        ),
      );
      const doc = row!['QUERY PLAN'];
      return (typeof doc === 'string' ? JSON.parse(doc) : doc)[0].Plan as PlanNode;
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
      "the read of many customers (customerAdded's)": customersStatement,
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
    expect(nodes(limit).map((n) => n['Index Name'])).toContain('webhook_deliveries_org_due_idx');
    // "No earlier pending event of this customer" looks up that customer only.
    const earlier = outbox.filter((n) => n['Index Name'] === 'webhook_deliveries_customer_idx');
    expect(earlier.length).toBeGreaterThan(0);
    for (const n of earlier) expect(n['Index Cond']).toMatch(/customer_id = /);
  });

  it('reads them in the org’s due order on a young outbox too (5,000 rows, never analysed)', async () => {
    const claim = await planOnYoungOutbox(claimStatement, ({ orgId }) => ({
      orgId,
      inFlight: '{}',
      perWebhook: 25,
      limit: 25,
      leaseSeconds: 60,
    }));
    const limit = nodes(claim).find((n) => n['Node Type'] === 'Limit')!;
    expect(nodes(limit).map((n) => n['Node Type'])).not.toContain('Sort');
    expect(nodes(limit).map((n) => n['Index Name'])).toContain('webhook_deliveries_org_due_idx');
  });

  it("finds the orgs with due deliveries by the first due row of each, in the org's due index order", async () => {
    const plan = await planOnYoungOutbox(dueOrgsStatement, () => ({ limit: 10 }));
    const outbox = nodes(plan).filter((n) => n['Relation Name'] === 'webhook_deliveries');
    expect(outbox.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    // Per org, a limit over the org's due index read in order: not a sort of the org's due rows (the
    // sort above it is of the orgs, one row each).
    const first = nodes(plan)
      .filter(
        (l) => l['Node Type'] === 'Limit' && nodes(l).some((n) => n['Index Name'] === 'webhook_deliveries_org_due_idx'),
      )
      .at(-1);
    expect(first).toBeDefined();
    expect(nodes(first!).map((n) => n['Node Type'])).not.toContain('Sort');
  });
});

describe("customerAdded's customers written into their events' copies, on a young outbox", () => {
  it("finds the copies among each customer's own pending deliveries", async () => {
    const plan = await planOnYoungOutbox(customersForEventsStatement, ({ orgId }) => ({
      orgId,
      events: JSON.stringify([10, 20, 30].map((c) => ({ customer_id: c, event_id: randomUUID(), customer: {} }))),
      ids: '{10,20,30}',
    }));
    const outbox = scans(plan).filter((n) => n['Relation Name'] === 'webhook_deliveries');
    expect(outbox.length).toBeGreaterThan(0);
    for (const n of outbox) {
      // A probe of one named customer's pending rows, then of each copy found (by its row), or of the
      // deliveries named by their keys: never every pending row of the org.
      if (n['Node Type'] === 'Tid Scan') continue;
      expect(n['Node Type']).toMatch(/^(Index|Index Only|Bitmap Heap) Scan$/);
      const cond = n['Index Cond'] ?? n.Plans?.[0]?.['Index Cond'] ?? '';
      expect(cond, JSON.stringify(n)).toMatch(/\bcustomer_id = e\.customer_id\b|\bid = ANY\b/);
    }
  });
});

describe("the worker's record of a batch of attempts, on a young outbox", () => {
  it('probes each delivery by its key', async () => {
    const plan = await planOnYoungOutbox(recordAttemptsStatement, ({ orgId, webhookId }) => ({
      orgId,
      ids: '{10,20,30}',
      outcomes: JSON.stringify(
        [10, 20, 30].map((id) => ({
          webhook_id: webhookId,
          id,
          attempt: 1,
          status: 'delivered',
          last_status: 200,
          last_error: null,
          in_seconds: 0,
        })),
      ),
    }));
    const outbox = scans(plan).filter((n) => n['Relation Name'] === 'webhook_deliveries');
    expect(outbox).toHaveLength(1);
    const cond = outbox[0]!['Index Cond'] ?? outbox[0]!.Plans?.[0]?.['Index Cond'] ?? '';
    expect(cond, JSON.stringify(outbox[0])).toMatch(/\bid = ANY/);
  });
});
