// Deliveries to a real receiver (a node:http server of this process), by the worker (lib/worker):
// signed, retried on 5xx, not on other 4xx, in order per customer, never twice the same attempt.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { putCustomer, register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueMobile, until } from './helpers';
import { deliveriesOf, orgOfTill, webhookFixtures } from './webhook-helpers';

isolateDatabaseForThisFile();

const person = () => ({
  profiles: [{ source: 'INSTORE', firstName: 'Priya', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
});

const { worker, receiver, webhook: addTo } = webhookFixtures();

/** A webhook of the demo till's org. */
async function webhook(url: string, opts: Parameters<typeof addTo>[2] = {}) {
  const orgId = await orgOfTill();
  return { orgId, id: await addTo(orgId, url, opts) };
}

/** The receiver's side of the signature check (docs/api.md, "Verifying a delivery"). */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook deliveries', () => {
  it('are signed with the webhook’s secret, carry its headers and the event’s envelope', async () => {
    const r = await receiver();
    const { orgId, id: hookId } = await webhook(r.url, { secret: 'whsec_signing', headers: { 'x-shop': 'north' } });
    await worker();
    const customerId = await register(person());
    await until(() => r.received.length >= 1);
    const [got] = r.received;
    expect(verify('whsec_signing', String(got!.headers['x-mc-signature']), got!.body)).toBe(true);
    expect(verify('whsec_other', String(got!.headers['x-mc-signature']), got!.body)).toBe(false);
    expect(got!.headers['x-shop']).toBe('north');
    expect(got!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got!.body);
    expect(got!.headers['x-mc-event-id']).toBe(body.eventId);
    expect(body).toMatchObject({
      eventName: 'customerAdded',
      eventType: `${orgId}_customerAdded`,
      refId: `${orgId}_${customerId}`,
      attributes: { data: { customerId } },
    });
    expect(typeof body.timeStamp).toBe('number');
    await until(async () => (await deliveriesOf(orgId, customerId)).every((d) => d.status === 'delivered'));
    const [row] = (await deliveriesOf(orgId, customerId)).filter((d) => d.webhookId === hookId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });
  });

  it('retries a 500 and then delivers; fails a 400 at once', async () => {
    const flaky = await receiver((_, n) => (n === 1 ? 500 : 200));
    const refusing = await receiver(() => 400);
    const a = await webhook(flaky.url, { events: ['customerAdded'] });
    const b = await webhook(refusing.url, { events: ['customerAdded'] });
    await worker();
    const customerId = await register(person());
    await until(() => flaky.received.length >= 2);
    const [first, second] = flaky.received;
    expect(JSON.parse(second!.body).eventId).toBe(JSON.parse(first!.body).eventId);
    // The first retry comes after about a second (backoff with jitter: 0.5 to 1 s).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(refusing.received).toHaveLength(1);
    const rows = await deliveriesOf(a.orgId, customerId);
    expect(rows.find((d) => d.webhookId === a.id)).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
    expect(rows.find((d) => d.webhookId === b.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 400 });
  });

  it('keeps each customer’s order under concurrent updates, customers in parallel; two workers send each attempt once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const r = await receiver(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((res) => setTimeout(res, 5 + Math.random() * 20));
      inFlight--;
      return 200;
    });
    const { orgId } = await webhook(r.url, { events: ['customerAdded', 'customerUpdated'] });
    await worker();
    await worker();
    const customers = await Promise.all(Array.from({ length: 6 }, () => register(person())));
    await Promise.all(
      customers.flatMap((id) =>
        Array.from({ length: 5 }, async (_, i) => {
          const res = await putCustomer(id, { profiles: [{ lastName: `Name${i}` }] });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }),
      ),
    );
    const expected = customers.length * 6;
    await until(() => r.received.length >= expected, 30_000);
    await new Promise((res) => setTimeout(res, 500));
    const bodies = r.received.map((x) => JSON.parse(x.body) as { eventId: string; refId: string });
    // Each attempt once: as many requests as events, no event id twice.
    expect(bodies).toHaveLength(expected);
    expect(new Set(bodies.map((b) => b.eventId)).size).toBe(expected);
    for (const id of customers) {
      const written = (await deliveriesOf(orgId, id)).map((d) => d.eventId);
      const received = bodies.filter((b) => b.refId === `${orgId}_${id}`).map((b) => b.eventId);
      expect(received).toEqual(written);
      expect(received).toHaveLength(6);
    }
    expect(maxInFlight).toBeGreaterThan(1);
  });
  it('lets a slow receiver hold up only its own deliveries: another webhook’s are done meanwhile', async () => {
    // The slow receiver answers nothing until the test lets it: its deliveries stay in flight.
    let release!: () => void;
    const released = new Promise<void>((res) => (release = res));
    const slow = await receiver(() => released.then(() => 200));
    const fast = await receiver();
    const s = await webhook(slow.url, { events: ['customerAdded'] });
    const f = await webhook(fast.url, { events: ['customerAdded'] });
    await worker();
    const first = await register(person());
    await until(() => slow.received.length >= 1 && fast.received.length >= 1);
    // Registered while the slow receiver holds the first customer's delivery.
    const later = await Promise.all(Array.from({ length: 4 }, () => register(person())));
    const customers = [first, ...later];
    const byCustomer = (bodies: { body: string }[]) =>
      bodies.map(
        (b) => (JSON.parse(b.body) as { attributes: { data: { customerId: number } } }).attributes.data.customerId,
      );
    const delivered = async (hook: number) =>
      (await Promise.all(customers.map((id) => deliveriesOf(f.orgId, id))))
        .flat()
        .filter((d) => d.webhookId === hook && d.status === 'delivered').length;
    await until(async () => (await delivered(f.id)) === customers.length);
    // Every fast delivery done while the slow receiver still holds the first one, unanswered and not
    // given up on (a worker waiting for it would have given up at its timeout first).
    expect(slow.received[0]!.abandoned).toBe(false);
    expect(new Set(byCustomer(fast.received))).toEqual(new Set(customers));
    expect(await delivered(s.id)).toBe(0);
    expect((await deliveriesOf(s.orgId, first)).find((d) => d.webhookId === s.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    release();
    await until(async () => (await delivered(s.id)) === customers.length);
    expect(new Set(byCustomer(slow.received))).toEqual(new Set(customers));
  });
  it('gives a webhook with more slow deliveries than slots only its share of them', async () => {
    let release!: () => void;
    const released = new Promise<void>((res) => (release = res));
    const slow = await receiver(() => released.then(() => 200));
    const fast = await receiver();
    const s = await webhook(slow.url, { events: ['customerAdded'] });
    const f = await webhook(fast.url, { events: ['customerAdded'] });
    // Six customers, each an event for both webhooks, all due before the worker starts; 4 slots.
    const customers = await Promise.all(Array.from({ length: 6 }, () => register(person())));
    await worker({ concurrency: 4 });
    const count = async (hook: number, status: string) =>
      (await Promise.all(customers.map((id) => deliveriesOf(f.orgId, id))))
        .flat()
        .filter((d) => d.webhookId === hook && d.status === status).length;
    await until(async () => (await count(f.id, 'delivered')) === customers.length);
    // The slow webhook holds 2 of the 4 slots (its share), none given up on, none answered.
    expect(slow.received).toHaveLength(2);
    expect(slow.received.some((r) => r.abandoned)).toBe(false);
    expect(await count(s.id, 'delivered')).toBe(0);
    release();
    await until(async () => (await count(s.id, 'delivered')) === customers.length);
  });
});
