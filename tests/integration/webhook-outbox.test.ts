// The outbox: every change §18 names writes its event in its own statement, and a change refused
// writes none. The deliveries are the outbox (one row per event and webhook subscribed to it).
import { describe, expect, it } from 'vitest';
import { changeIdentifier, putCustomer, register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { call, DEMO_TILL, OTHER_TILL, uniqueMobile } from './helpers';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { addWebhook, deliveriesOf, orgOfTill } from './webhook-helpers';

isolateDatabaseForThisFile();

const person = (mobile = uniqueMobile(), source = 'INSTORE') => ({
  profiles: [{ source, firstName: 'Priya', lastName: 'Sharma', identifiers: [{ type: 'mobile', value: mobile }] }],
});

describe('the outbox', () => {
  it('writes each change’s event, once per webhook wanting it, in order; none for a change refused', async () => {
    const orgId = await orgOfTill();
    const all = await addWebhook(orgId);
    const onlyStatus = await addWebhook(orgId, { events: ['customerStatusChanged'] });

    const mobile = uniqueMobile();
    const id = await register(person(mobile));
    let rows = await deliveriesOf(orgId, id);
    expect(rows.map((r) => [r.webhookId, r.eventName])).toEqual([[all, 'customerAdded']]);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, customerId: id });
    expect((rows[0]!.data as { entries: { action: string }[] }).entries[0]!.action).toBe('customer.registered');

    // Refused (8006, already there): nothing written, no event.
    const again = await call(REGISTER, { body: person(mobile), headers: { authorization: DEMO_TILL } });
    expect(again.status).not.toBe(200);
    expect(await deliveriesOf(orgId, id)).toHaveLength(1);

    await register(person(mobile, 'WEBSITE'));
    const put = await putCustomer(id, {
      statusLabel: 'On hold',
      statusReason: 'test',
      profiles: [{ firstName: 'Asha' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // A body that changes nothing writes nothing, and no event.
    expect((await putCustomer(id, { profiles: [{ firstName: 'Asha' }] })).status).toBe(200);
    const change = await changeIdentifier(id, {
      add: [{ type: 'mobile', value: uniqueMobile() }],
      remove: [{ type: 'mobile', value: mobile }],
    });
    expect(change.status, JSON.stringify(change.body)).toBe(200);

    rows = await deliveriesOf(orgId, id);
    expect(rows.map((r) => [r.webhookId, r.eventName])).toEqual([
      [all, 'customerAdded'],
      [all, 'sourceAccountAdded'],
      [all, 'customerUpdated'],
      [all, 'customerStatusChanged'],
      [onlyStatus, 'customerStatusChanged'],
      [all, 'identifierChanged'],
    ]);
    // One event, one id, for every webhook it goes to; the removal and the addition are one event.
    expect(rows[3]!.eventId).toBe(rows[4]!.eventId);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(5);
    const identifierEntries = (rows[5]!.data as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(identifierEntries).toEqual(['identifier.removed', 'identifier.added']);
  });

  it('writes nothing for an org without webhooks', async () => {
    const otherOrg = await orgOfTill('other.till');
    const id = await register(person(), OTHER_TILL);
    expect(await deliveriesOf(otherOrg, id)).toEqual([]);
  });
});
