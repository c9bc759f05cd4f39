// On Citus (npm run test:citus): every statement the app sends for one org's requests is planned on one
// shard. The app's own database client records what it sends (postgres.js's `debug`, set here on the
// driver the app loads) while the routes run the flows of a counter and an integration: registration (a
// new customer, a source account added, a duplicate), the read, the lookup, PUT with and without a
// profile, changeIdentifier, the history, the search (names, numbers, a typo), an idempotent POST and
// a webhook's delivery claimed and recorded. Each recorded statement that reads or writes a distributed
// table is then EXPLAINed with the values it was sent with; a Task Count above 1 is a statement sent to
// every shard. Statements run through the coordinator in steps ("Distributed Subplan") are listed too.
// The writes of one customer are calls of functions of plain statements (db/client.ts,
// makeStepsFunction): what each call sends to the workers is checked from Citus's own log of it.
// The one statement across orgs, the webhook worker's search for orgs with due deliveries, is left out.
import { afterAll, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import { getDb } from '@/db/client';
import { claimDeliveries, dueOrgsStatement, recordAttempt } from '@/db/queries/webhooks';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { GET as LOOKUP } from '@/app/v2/customers/lookup/route';
import { changeIdentifier, getCustomer, getHistory, putCustomer, register, search } from '../integration/care-helpers';
import { call, DEMO_TILL, uniqueEmail, uniqueMobile } from '../integration/helpers';
import { isStatementOfSteps, isWriteFunctionCall } from '../integration/sent-statements';
import { addWebhook, orgOfTill } from '../integration/webhook-helpers';

interface Sent {
  text: string;
  params: unknown[];
}
const sent = vi.hoisted((): Sent[] => []);
/** What Citus says it sends to the workers (citus.log_remote_commands, on the app's connections). */
const notices = vi.hoisted((): string[] => []);

vi.mock('postgres', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('postgres') }>()).default;
  const { withAddedOptions } = await import('../integration/sent-statements');
  return {
    default: withAddedOptions(real, (options) => ({
      debug: (_connection, text, params) => void sent.push({ text, params }),
      onnotice: (notice) => void notices.push(String(notice.message)),
      connection: { ...options.connection, 'citus.log_remote_commands': 'on' },
    })),
  };
});

const explainer = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(() => explainer.end());

/** The tables distributed by org (not the reference tables, copied whole on every node). */
async function distributedTables(): Promise<string[]> {
  const rows = await explainer<{ name: string }[]>`
    select logicalrelid::regclass::text as name from pg_dist_partition where partmethod = 'h'`;
  return rows.map((r) => r.name);
}

const ORG_SCOPED_VERB = /^\s*(select|insert|update|delete|with)\b/i;

describe('every org-scoped statement the app sends, on Citus', () => {
  it('is planned on one shard (Task Count 1)', async () => {
    const orgId = await orgOfTill();
    const mobile = uniqueMobile();
    const email = uniqueEmail();
    const body = (source: string, extra: object[] = []) => ({
      profiles: [
        {
          source,
          firstName: 'Rohan',
          lastName: 'Mehta',
          identifiers: [{ type: 'mobile', value: mobile }, { type: 'email', value: email }, ...extra],
        },
      ],
    });
    await addWebhook(orgId, { url: 'http://127.0.0.1:9/none' });
    const from = sent.length;

    const id = await register(body('INSTORE'));
    expect(await register(body('WEBSITE'))).toBe(id); // a source account added: 200 with 8050
    const duplicate = await call(REGISTER, { body: body('INSTORE'), headers: { authorization: DEMO_TILL } });
    expect(duplicate.status).toBe(409);
    const idempotent = await call(REGISTER, {
      body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      headers: { authorization: DEMO_TILL, 'idempotency-key': `plans-${mobile}` },
    });
    expect(idempotent.status).toBe(200);
    expect((await getCustomer(id)).status).toBe(200);
    const lookup = await call(LOOKUP, {
      method: 'GET',
      path: `/v2/customers/lookup?${new URLSearchParams({ identifierName: 'mobile', identifierValue: mobile })}`,
      headers: { authorization: DEMO_TILL },
    });
    expect(lookup.body).toMatchObject({ entity: id });
    const put = await putCustomer(id, { profiles: [{ source: 'INSTORE', lastName: 'Mehra' }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const putCustomerOnly = await putCustomer(id, { extendedFields: { gender: 'Male' } });
    expect(putCustomerOnly.status, JSON.stringify(putCustomerOnly.body)).toBe(200);
    const changed = await changeIdentifier(id, { add: [{ type: 'externalId', value: `ext-${mobile}` }] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await getHistory(id)).status).toBe(200);
    for (const q of ['rohan meh', mobile.slice(0, 6), email, 'rohen'])
      expect((await search({ q })).status, q).toBe(200);
    const db = await getDb();
    const claimed = await claimDeliveries(db, 10, 30_000);
    expect(claimed.length).toBeGreaterThan(0);
    for (const d of claimed)
      await recordAttempt(db, d, { kind: 'retry', inMs: 60_000, lastStatus: null, lastError: 'test' });

    const tables = await distributedTables();
    const touches = new RegExp(`\\b(${tables.join('|')})\\b`);
    const statements = new Map<string, Sent>();
    // The webhook worker's search for orgs with due deliveries reads every shard by design (it is not
    // one org's); each claim after it is one org's.
    const acrossOrgs = new Set([dueOrgsStatement.text]);
    for (const s of sent.slice(from))
      if (ORG_SCOPED_VERB.test(s.text) && touches.test(s.text) && !acrossOrgs.has(s.text) && !statements.has(s.text))
        statements.set(s.text, s);
    expect(statements.size).toBeGreaterThan(15);

    const spread: string[] = [];
    const steps: string[] = [];
    for (const s of statements.values()) {
      const plan = (await explainer.unsafe<{ 'QUERY PLAN': string }[]>(`explain ${s.text}`, s.params as never[])).map(
        (r) => r['QUERY PLAN'],
      );
      const counts = plan.flatMap((line) => [...line.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1])));
      const subplans = plan.filter((line) => /Distributed Subplan/.test(line)).length;
      const summary = `${s.text.replace(/\s+/g, ' ').slice(0, 160)} — tasks ${counts.join(',')}`;
      if (counts.length === 0 || counts.some((n) => n > 1)) spread.push(summary);
      if (subplans) steps.push(`${subplans} subplans: ${summary}`);
    }
    // What goes through the coordinator in steps (writes in data-modifying CTEs): reported, not failed.
    if (steps.length) console.info(`Statements run in steps through the coordinator:\n${steps.join('\n')}`);
    expect(spread).toEqual([]);
  });

  it("a registration and a change are one call each, every statement in it sent to the org's shard", async () => {
    const mobile = uniqueMobile();
    const [sentFrom, noticesFrom] = [sent.length, notices.length];
    const id = await register({
      profiles: [
        { source: 'INSTORE', firstName: 'Asha', lastName: 'Rao', identifiers: [{ type: 'mobile', value: mobile }] },
      ],
    });
    expect(
      await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] }),
    ).toBe(id);
    const put = await putCustomer(id, { profiles: [{ source: 'INSTORE', lastName: 'Rai' }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    // One call each, no statement of steps as text: a new customer; another source, first tried as a new
    // customer (which finds the mobile known and writes nothing), then added to it; the change.
    const texts = sent.slice(sentFrom).map((s) => s.text);
    expect(texts.filter(isWriteFunctionCall).length).toBe(4);
    expect(texts.filter(isStatementOfSteps)).toEqual([]);
    // What went to the workers meanwhile: plain statements on the shards of one org, no rows carried
    // between nodes (intermediate results).
    const commands = notices.slice(noticesFrom).filter((m) => m.startsWith('issuing '));
    expect(commands.some((m) => /INSERT INTO public\.customers_\d+/.test(m))).toBe(true);
    expect(commands.filter((m) => /read_intermediate_result|\(format result\)/.test(m))).toEqual([]);
    const shards = [
      ...new Set(commands.flatMap((m) => [...m.matchAll(/public\.[a-z_]+?_(\d{6,})\b/g)].map((x) => x[1]!))),
    ];
    const [group] = await explainer<{ tables: number; ranges: number }[]>`
      select count(distinct logicalrelid)::int as tables, count(distinct shardminvalue)::int as ranges
      from pg_dist_shard where shardid = any(${shards}::bigint[]) and shardminvalue is not null`;
    expect(group!.tables).toBeGreaterThan(5);
    expect(group!.ranges).toBe(1);
  });
});
