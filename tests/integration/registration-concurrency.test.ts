// Simultaneous registrations of one identifier (docs/api.md#identity-rules-summary): the database decides, not a
// check-then-insert. On PostgreSQL these really run in parallel on a pool of connections.
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { identityKeys, sourceAccounts } from '@/db/schema';
import { call, DEMO_TILL, uniqueMobile } from './helpers';
import { onCitus } from './test-database';

type Reply = { createdId: number | null; errors?: { code: number; message: string }[] };
const register = (body: unknown) => call<Reply>(POST, { body, headers: { authorization: DEMO_TILL } });

describe('concurrent registrations', () => {
  it('20 simultaneous registrations of one new mobile in INSTORE: exactly 1 success and 19 × 8006', async () => {
    const m = uniqueMobile();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        register({
          profiles: [{ firstName: `Twin ${i}`, source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }],
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const winner = results.find((r) => r.status === 200)!.body.createdId;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.errors).toEqual([
        {
          status: false,
          code: 8006,
          message: `Customer already exists with id ${winner} for same source`,
          field: 'profiles[0].identifiers[0].value',
        },
      ]);
    }
    const db = await getDb();
    const keys = await db.select().from(identityKeys).where(eq(identityKeys.value, m));
    expect(keys.map((k) => k.customerId)).toEqual([winner]);
  });

  it('6 simultaneous registrations of one mobile in 6 sources: 1 customer with 6 source accounts', async () => {
    const m = uniqueMobile();
    const profiles = [
      { source: 'INSTORE' },
      { source: 'WEBSITE' },
      { source: 'ECOMMERCE' },
      { source: 'LINE', accountId: '2001914141242' },
      { source: 'WECHAT', accountId: 'wx-demo-1' },
      { source: 'MOBILE_APP', accountId: 'testmobilepush1' },
    ];
    const results = await Promise.all(
      profiles.map((p) => register({ profiles: [{ ...p, identifiers: [{ type: 'mobile', value: m }] }] })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const ids = new Set(results.map((r) => r.body.createdId));
    expect(ids.size).toBe(1);
    const db = await getDb();
    const [accounts] = await db
      .select({ n: count() })
      .from(sourceAccounts)
      .where(eq(sourceAccounts.customerId, [...ids][0]!));
    expect(accounts?.n).toBe(6);
  });
});

// PGlite has a single connection, so a lock held by another session can only be shown on PostgreSQL.
describe.runIf(Boolean(process.env.DATABASE_URL))('a lock that cannot be had in time', () => {
  it('answers 521 while another transaction holds the identifier, and succeeds once it is released', async () => {
    const m = uniqueMobile();
    const { default: postgres } = await import('postgres');
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const holder = await register({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
    });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // Another session claims the mobile and keeps its transaction open; then rolls back.
    const held = other
      .begin(async (tx) => {
        await tx`insert into identity_keys (org_id, type, value, customer_id) select org_id, 'mobile', ${m}, id from customers where id = ${holder.body.createdId!}`;
        locked();
        await released;
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await isLocked;
    const blocked = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    expect(blocked.status).toBe(521);
    expect(blocked.body.errors).toEqual([
      {
        status: false,
        code: 521,
        message: 'Multiple actions are running for the same customer. Please try after some time.',
      },
    ]);
    release();
    await held;
    await other.end();
    const after = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    expect(after.status).toBe(200);
  });
});

// A second session, on PostgreSQL only for the same reason as above.
describe.runIf(Boolean(process.env.DATABASE_URL))(
  'a source account added while the customer gives the identifier up',
  () => {
    it('never leaves the identifier without its identity key: the registration waits and sees it free', async () => {
      const m = uniqueMobile();
      const first = await register({
        profiles: [
          {
            source: 'INSTORE',
            identifiers: [
              { type: 'mobile', value: m },
              { type: 'externalId', value: `keep-${m}` },
            ],
          },
        ],
      });
      const owner = first.body.createdId!;
      const { default: postgres } = await import('postgres');
      const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      const watcher = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      let removed!: () => void;
      const isRemoved = new Promise<void>((r) => {
        removed = r;
      });
      // Another session removes the mobile as changeIdentifier does (under the customer's row lock, its
      // version one up) and keeps its transaction open until the registration below is waiting.
      const removing = other.begin(async (tx) => {
        await tx`update customers set version = version + 1 where id = ${owner}`;
        await tx`delete from identifiers where customer_id = ${owner} and type = 'mobile' and value = ${m}`;
        await tx`delete from identity_keys where customer_id = ${owner} and type = 'mobile' and value = ${m}`;
        removed();
        await released;
      });
      await isRemoved;
      // A referral code sends the registration down the path that reads the identifiers first (8118: unknown code).
      const adding = register({
        profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: m }] }],
        referralCode: 'NO-SUCH-CODE',
      });
      // On Citus the lock is waited for on a worker, by the coordinator's connection there:
      // citus_stat_activity sees every node's backends.
      const activity = watcher(onCitus() ? 'citus_stat_activity' : 'pg_stat_activity');
      for (;;) {
        const [row] = await watcher`select count(*)::int as n from ${activity}
        where datname = current_database() and wait_event_type = 'Lock'`;
        if (row!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      release();
      await removing;
      const added = await adding;
      await other.end();
      expect(added.status).toBe(200);
      const rows = await watcher`select i.customer_id::bigint as holder, k.customer_id::bigint as key_owner
      from identifiers i left join identity_keys k on k.org_id = i.org_id and k.type = i.type and k.value = i.value
      where i.type = 'mobile' and i.value = ${m}`;
      await watcher.end();
      const holders = rows.map((r) => ({
        holder: Number(r.holder),
        keyOwner: r.key_owner === null ? null : Number(r.key_owner),
      }));
      // The mobile went to whoever holds its key: a new customer, never the one who gave it up.
      expect(holders).toEqual([{ holder: added.body.createdId, keyOwner: added.body.createdId }]);
      expect(added.body.createdId).not.toBe(owner);
    });
  },
);
