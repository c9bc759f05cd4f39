// What each event sends, delivered to a real receiver by the worker: every event that is written
// today, held to the JSON Schema GET /v3/webHooks/eventMetaData publishes for it (Ajv, 2020-12), and
// customerAdded's customer as GET /v2/customers/{id} returned it right after the registration, the
// same on every attempt whatever changed since.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { eventMetaData } from '@/lib/webhooks/events';
import { changeIdentifier, getCustomer, putCustomer, register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueEmail, uniqueMobile, until } from './helpers';
import { orgOfTill, webhookFixtures } from './webhook-helpers';

isolateDatabaseForThisFile();

const { worker, receiver, webhook } = webhookFixtures();

/** A receiver, and a webhook of the demo till's org to it for every event. */
async function setUp(answer?: Parameters<typeof receiver>[0]) {
  const r = await receiver(answer);
  const orgId = await orgOfTill();
  await webhook(orgId, r.url);
  return { r, orgId };
}

interface Body {
  eventName: string;
  refId: string;
  attributes: { data: { customerId: number; customer?: Record<string, unknown> | null } };
}
const bodiesOf = (r: { received: { body: string }[] }) => r.received.map((x) => JSON.parse(x.body) as Body);

const person = (mobile = uniqueMobile()) => ({
  profiles: [
    {
      source: 'INSTORE',
      firstName: 'Priya',
      lastName: 'Sharma',
      identifiers: [
        { type: 'mobile', value: mobile },
        { type: 'email', value: uniqueEmail() },
      ],
    },
  ],
  statusLabel: 'Gold Member',
});

/** The published schemas (as the route serves them: a JSON round trip), compiled by Ajv. */
function validators() {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const meta = JSON.parse(JSON.stringify(eventMetaData())) as { eventName: string; schema: object }[];
  return new Map(meta.map((m) => [m.eventName, ajv.compile(m.schema)]));
}

describe('webhook events', () => {
  it('carry in customerAdded the customer as GET returned it after the registration', async () => {
    const { r } = await setUp();
    const id = await register(person());
    const got = await getCustomer(id);
    expect(got.status).toBe(200);
    const asRegistered: Record<string, unknown> = { ...got.body };
    delete asRegistered.warnings;
    await worker();
    await until(() => bodiesOf(r).some((b) => b.attributes.data.customerId === id));
    const added = bodiesOf(r).find((b) => b.attributes.data.customerId === id)!;
    expect(added.eventName).toBe('customerAdded');
    expect(added.attributes.data.customer).toEqual(asRegistered);
    expect(added.attributes.data.customer).toMatchObject({ id, version: 1, statusLabel: 'Gold Member' });
  });

  it('send the customer as registered on a retry, though it changed since the first attempt', async () => {
    // The first customerAdded attempt fails (500); the customer is changed before the retry.
    let firstAnswered!: () => void;
    const answered = new Promise<void>((res) => (firstAnswered = res));
    const { r } = await setUp((_, n) => {
      if (n === 1) {
        firstAnswered();
        return 500;
      }
      return 200;
    });
    const id = await register(person());
    await worker();
    await answered;
    const put = await putCustomer(id, { profiles: [{ firstName: 'Asha' }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await until(() => bodiesOf(r).some((b) => b.eventName === 'customerUpdated'));
    const [first, retry, updated] = bodiesOf(r);
    expect(first!.eventName).toBe('customerAdded');
    expect(retry).toEqual(first);
    expect(retry!.attributes.data.customer).toMatchObject({ version: 1, profiles: [{ firstName: 'Priya' }] });
    expect(updated!.attributes.data).not.toHaveProperty('customer');
  });

  it('each match the JSON Schema published for it', async () => {
    const { r, orgId } = await setUp();
    await worker();
    const mobile = uniqueMobile();
    const id = await register(person(mobile));
    await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] });
    const put = await putCustomer(id, {
      statusLabel: 'On hold',
      statusReason: 'test',
      profiles: [{ lastName: 'Rao' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const change = await changeIdentifier(id, {
      add: [{ type: 'mobile', value: uniqueMobile() }],
      remove: [{ type: 'mobile', value: mobile }],
    });
    expect(change.status, JSON.stringify(change.body)).toBe(200);

    const written = [
      'customerAdded',
      'sourceAccountAdded',
      'customerUpdated',
      'customerStatusChanged',
      'identifierChanged',
    ];
    const mine = () => bodiesOf(r).filter((b) => b.refId === `${orgId}_${id}`);
    await until(() => mine().length >= written.length);
    expect(mine().map((b) => b.eventName)).toEqual(written);
    const validate = validators();
    for (const body of mine()) {
      const check = validate.get(body.eventName)!;
      expect(check(body), `${body.eventName}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    // The schemas are not vacuous: customerAdded's needs the customer, and no event takes unknown keys.
    const added = mine()[0]!;
    const withoutCustomer = { ...added, attributes: { ...added.attributes, data: { ...added.attributes.data } } };
    delete withoutCustomer.attributes.data.customer;
    expect(validate.get('customerAdded')!(withoutCustomer)).toBe(false);
    expect(validate.get('customerUpdated')!({ ...mine()[2]!, extra: 1 })).toBe(false);
    expect(validate.get('customerUpdated')!(added)).toBe(false);
  });
});
