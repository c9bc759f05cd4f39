// The writes of one customer as functions of plain statements (db/client.ts: statementOfSteps,
// makeStepsFunction), which the app calls instead of the statements on Citus. Made here on the
// PostgreSQL the suite runs on, for this test's process only, so that every run (CI has no Citus)
// runs each body and checks it writes what the statement writes: a new customer, another source
// added, a duplicate, a change, with their history, search words and events. (The embedded database
// has no statement descriptions to make the functions from.)
import { describe, expect, it, vi } from 'vitest';
import { getDb, makeStepsFunction } from '@/db/client';
import { ORG_WRITE_STATEMENTS } from '@/lib/startup';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { getCustomer, getHistory, putCustomer, register, search } from './care-helpers';
import { call, uniqueEmail, uniqueMobile } from './helpers';
import { isStatementOfSteps, isWriteFunctionCall } from './sent-statements';
import { createTestOrg } from './test-org';
import { addWebhook, deliveriesOf } from './webhook-helpers';

const sent = vi.hoisted((): string[] => []);

vi.mock('postgres', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('postgres') }>()).default;
  const { withAddedOptions } = await import('./sent-statements');
  return { default: withAddedOptions(real, () => ({ debug: (_connection, text) => void sent.push(text) })) };
});

describe.runIf(Boolean(process.env.DATABASE_URL))('the writes of one customer as functions of plain statements', () => {
  it('write what the statements write', async () => {
    const db = await getDb();
    for (const statement of ORG_WRITE_STATEMENTS)
      expect(await makeStepsFunction(db, statement, { anyServer: true })).toBe(true);
    const { orgId, auth } = await createTestOrg({ unique: ['mobile', 'email'] });
    await addWebhook(orgId);
    const [mobile, email] = [uniqueMobile(), uniqueEmail()];
    const from = sent.length;

    const id = await register(
      {
        profiles: [
          {
            source: 'INSTORE',
            firstName: 'Meera',
            lastName: 'Iyer',
            identifiers: [
              { type: 'mobile', value: mobile },
              { type: 'email', value: email },
            ],
          },
        ],
      },
      auth,
    );
    expect(
      await register({ profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: mobile }] }] }, auth),
    ).toBe(id);
    const duplicate = await call(REGISTER, {
      body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }] },
      headers: { authorization: auth },
    });
    expect(duplicate.status).toBe(409);
    const put = await putCustomer(
      id,
      { profiles: [{ source: 'INSTORE', lastName: 'Iyengar' }] },
      { authorization: auth },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    // Each write went as a call: a new customer; the other source, first tried as a new customer (the
    // mobile is known: nothing written), then added; the duplicate, tried as new; the change.
    const texts = sent.slice(from);
    expect(texts.filter(isWriteFunctionCall).length).toBe(5);
    expect(texts.filter(isStatementOfSteps)).toEqual([]);

    const customer = await getCustomer(id, auth);
    expect(customer.status).toBe(200);
    expect(customer.body).toMatchObject({ id, version: 3 });
    const profiles = customer.body.profiles as {
      source: string;
      firstName?: string;
      lastName?: string;
      identifiers: { type: string; value: string }[];
    }[];
    expect(profiles.map((p) => p.source).sort()).toEqual(['INSTORE', 'WEBSITE']);
    const instore = profiles.find((p) => p.source === 'INSTORE')!;
    expect(instore).toMatchObject({ firstName: 'Meera', lastName: 'Iyengar' });
    expect(instore.identifiers.map((i) => `${i.type}:${i.value}`).sort()).toEqual(
      [`email:${email}`, `mobile:${mobile}`].sort(),
    );

    const history = await getHistory(id, auth);
    expect(history.status).toBe(200);
    expect(history.body.entries.map((e) => e.action)).toEqual([
      'customer.updated',
      'source.added',
      'customer.registered',
    ]);

    const found = await search({ q: 'iyengar' }, auth);
    expect(found.status).toBe(200);
    expect(JSON.stringify(found.body)).toContain(`${id}`);

    const events = (await deliveriesOf(orgId, id)).map((d) => d.eventName);
    expect(events).toEqual(['customerAdded', 'sourceAccountAdded', 'customerUpdated']);
  });
});
