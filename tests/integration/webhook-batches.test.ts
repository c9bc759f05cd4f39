// The worker's batches (lib/webhooks/task.ts): a claim's customerAdded customers are read and stored in
// one statement, and outcomes that end close together are recorded in one. What a batch could break:
// a customer's order when several of its events are due at once, each row's own outcome when one
// delivery of a batch fails and another is delivered, each event's own customer (an erased one too).
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { runDueErasure } from '@/lib/requests/erasure';
import { getCustomer, putCustomer, register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueMobile, until } from './helpers';
import { createRequest, decide, requestsOrg, setRequestSettings, uniqueTag } from './requests-helpers';
import { deliveriesOf, orgOfTill, webhookFixtures } from './webhook-helpers';

isolateDatabaseForThisFile();

const { worker, receiver, webhook } = webhookFixtures();

interface Body {
  eventId: string;
  eventName: string;
  refId: string;
  attributes: { data: { customerId: number; customer?: Record<string, unknown> | null } };
}
const bodiesOf = (r: { received: { body: string }[] }) => r.received.map((x) => JSON.parse(x.body) as Body);

const person = (firstName: string) => ({
  profiles: [{ source: 'INSTORE', firstName, identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
});

describe('webhook batches', () => {
  it('keep each customer’s order when several of its events are due at once, one at a time per customer', async () => {
    const inFlight = new Map<string, number>();
    let overlapped = 0;
    const r = await receiver(async (got) => {
      const ref = (JSON.parse(got.body) as Body).refId;
      inFlight.set(ref, (inFlight.get(ref) ?? 0) + 1);
      if (inFlight.get(ref)! > 1) overlapped++;
      await new Promise((res) => setTimeout(res, Math.random() * 10));
      inFlight.set(ref, inFlight.get(ref)! - 1);
      return 200;
    });
    const orgId = await orgOfTill();
    await webhook(orgId, r.url, { events: ['customerAdded', 'customerUpdated'] });
    // Everything is written before a worker runs: each claim finds many customers' events due.
    const names = Array.from({ length: 8 }, () => `Batch${uniqueTag()}`);
    const customers = await Promise.all(names.map((n) => register(person(n))));
    for (let i = 0; i < 4; i++)
      await Promise.all(
        customers.map(async (id) => {
          const res = await putCustomer(id, { profiles: [{ lastName: `Name${i}` }] });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }),
      );
    // Two workers, outcomes collected for up to 50 ms: large batches on both sides.
    await worker({ recordWindowMs: 50 });
    await worker({ recordWindowMs: 50 });
    const expected = customers.length * 5;
    await until(() => r.received.length >= expected, 30_000);
    await new Promise((res) => setTimeout(res, 300));
    const bodies = bodiesOf(r);
    expect(bodies).toHaveLength(expected);
    expect(new Set(bodies.map((b) => b.eventId)).size).toBe(expected);
    expect(overlapped).toBe(0);
    for (const [i, id] of customers.entries()) {
      const rows = await deliveriesOf(orgId, id);
      const mine = bodies.filter((b) => b.refId === `${orgId}_${id}`);
      expect(mine.map((b) => b.eventId)).toEqual(rows.map((d) => d.eventId));
      expect(rows.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
      // Each customerAdded carries its own customer (the batch's read of many): changed before the
      // worker ran, as of its first sending.
      const added = mine[0]!;
      expect(added.eventName).toBe('customerAdded');
      expect(added.attributes.data.customer).toMatchObject({
        id,
        version: 5,
        profiles: [{ firstName: names[i], lastName: 'Name3' }],
      });
    }
  });

  it('record each outcome of a batch as its own: one delivered, one to retry, one failed', async () => {
    const ok = await receiver();
    const flaky = await receiver((_, n) => (n === 1 ? 503 : 200));
    const refusing = await receiver(() => 422);
    const orgId = await orgOfTill();
    const events = { events: ['customerAdded' as const] };
    const okId = await webhook(orgId, ok.url, events);
    const flakyId = await webhook(orgId, flaky.url, events);
    const refusingId = await webhook(orgId, refusing.url, events);
    const customerId = await register(person('Mixed'));
    // The three attempts end well within 300 ms of each other: one record statement.
    await worker({ recordWindowMs: 300 });
    await until(async () => (await deliveriesOf(orgId, customerId)).every((d) => d.lastStatus !== null), 20_000);
    const rows = await deliveriesOf(orgId, customerId);
    const of = (hook: number) => rows.find((d) => d.webhookId === hook)!;
    expect(of(okId)).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, leaseUntil: null });
    expect(of(okId).deliveredAt).not.toBeNull();
    expect(of(refusingId)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 422, deliveredAt: null });
    expect(of(flakyId)).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, deliveredAt: null });
    // Its retry is due after the backoff (0.5–1 s), not at once as the others' records would have it.
    expect(of(flakyId).nextAttemptAt.getTime()).toBeGreaterThan(of(okId).deliveredAt!.getTime() + 300);
    await until(
      async () => (await deliveriesOf(orgId, customerId)).find((d) => d.webhookId === flakyId)!.status === 'delivered',
      20_000,
    );
    expect((await deliveriesOf(orgId, customerId)).find((d) => d.webhookId === flakyId)).toMatchObject({
      attempts: 2,
      lastStatus: 200,
    });
    expect(flaky.received).toHaveLength(2);
    expect(ok.received).toHaveLength(1);
    expect(refusing.received).toHaveLength(1);
  });

  it('give each customerAdded its own customer: an erased one as erased, the others as registered', async () => {
    const org = await requestsOrg();
    await setRequestSettings(org.orgId, { days: 0 });
    const r = await receiver();
    await webhook(org.orgId, r.url, { events: ['customerAdded'] });
    const secret = `Erased${uniqueTag()}`;
    const mobile = uniqueMobile();
    const erased = await register(
      { profiles: [{ source: 'INSTORE', firstName: secret, identifiers: [{ type: 'mobile', value: mobile }] }] },
      org.maker,
    );
    const names = [`Kept${uniqueTag()}`, `Kept${uniqueTag()}`];
    const kept = await Promise.all(names.map((n) => register(person(n), org.maker)));
    // Erased before any worker ran: its customerAdded is rendered in the same claim as the others'.
    const created = await createRequest(org.maker, {
      type: 'CUSTOMER',
      baseType: 'DELETE',
      customerId: erased,
      comments: 'asked',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await decide(org.checker, created.body.createdId, 'APPROVED')).body.status).toBe('APPROVED');
    const db = await getDb();
    while (await runDueErasure(db));
    const asErased = await getCustomer(erased, org.maker);
    expect(asErased.body.status).toBe('DELETED');

    await worker({});
    await until(() => r.received.length >= 3, 20_000);
    const bodies = bodiesOf(r);
    const customerOf = (id: number) =>
      bodies.find((b) => b.attributes.data.customerId === id)!.attributes.data.customer;
    const gone = customerOf(erased);
    expect(gone).toMatchObject({ id: erased, status: 'DELETED' });
    expect(JSON.stringify(gone)).not.toContain(secret);
    expect(JSON.stringify(gone)).not.toContain(mobile);
    for (const [i, id] of kept.entries())
      expect(customerOf(id)).toMatchObject({ id, version: 1, profiles: [{ firstName: names[i] }] });
    // Stored in the outbox as sent: a retry would send the same.
    const [row] = await deliveriesOf(org.orgId, erased);
    expect((row!.data as { customer: unknown }).customer).toEqual(gone);
  });
});
