import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { execRows, getDb } from '@/db/client';
import { GET as EXPORT } from '@/app/v2/customers/[id]/export/route';
import { runDueErasure } from '@/lib/requests/erasure';
import type { CustomerView, HistoryEntry } from '@/lib/customers/views';
import { changeIdentifier, codesOf, getCustomer, getHistory, putCustomer, register } from './care-helpers';
import { call, uniqueEmail, uniqueMobile } from './helpers';
import {
  createRequest,
  decide,
  getRequest,
  mergeBody,
  requestsOrg,
  setRequestSettings,
  uniqueTag,
} from './requests-helpers';
import { addWebhook } from './webhook-helpers';

type Org = Awaited<ReturnType<typeof requestsOrg>>;

/** Runs the worker's erasure task until no deletion is due. */
async function eraseDue(): Promise<number> {
  const db = await getDb();
  let n = 0;
  while (await runDueErasure(db)) n++;
  return n;
}

async function person(org: Org) {
  const tag = uniqueTag();
  const p = {
    first: `Zqfirst${tag}`,
    last: `Zqlast${tag}`,
    renamed: `Zqrenamed${tag}`,
    nick: `Zqnick${tag}`,
    mobile: uniqueMobile(),
    email: uniqueEmail(),
    channel: `zqchannel${tag}@example.com`,
  };
  const id = await register(
    {
      profiles: [
        {
          source: 'INSTORE',
          firstName: p.first,
          lastName: p.last,
          fields: { nickname: p.nick },
          identifiers: [
            { type: 'mobile', value: p.mobile },
            { type: 'email', value: p.email },
          ],
          commChannels: [{ type: 'email', value: p.channel, primary: true }],
        },
      ],
    },
    org.maker,
  );
  expect((await putCustomer(id, { profiles: [{ lastName: p.renamed }] }, { authorization: org.maker })).status).toBe(
    200,
  );
  return { id, p };
}

async function requestDeletion(org: Org, customerId: number) {
  const created = await createRequest(org.maker, {
    type: 'CUSTOMER',
    baseType: 'DELETE',
    customerId,
    comments: 'asked',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  expect(created.body.status).toBe('PENDING');
  return created.body.createdId;
}

/** Every text and JSON column of every table holding the org's rows, searched for each value. */
async function scanOrg(orgId: number, values: string[]): Promise<string[]> {
  const db = await getDb();
  const columns = await execRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        where c.table_schema = 'public' and c.data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')
          and exists (select 1 from information_schema.columns o
                      where o.table_schema = 'public' and o.table_name = c.table_name and o.column_name = 'org_id')
        order by 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns)
    for (const v of values) {
      const [row] = await execRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table_name)}
            where org_id = ${orgId} and ${sql.identifier(column_name)}::text ilike ${`%${v}%`}`,
      );
      if (row!.n > 0) found.push(`${table_name}.${column_name}: ${v}`);
    }
  return found;
}

describe('PII deletion', () => {
  it('approved with 0 days: the worker erases every personal value, keeps the id, frees the identifiers', async () => {
    const org = await requestsOrg({ customFields: [{ name: 'nickname', dataType: 'STRING' }] });
    await addWebhook(org.orgId, { events: ['customerAdded', 'customerUpdated', 'customerDeleted', 'requestDecided'] });
    await setRequestSettings(org.orgId, { days: 0 });
    const { id, p } = await person(org);
    const values = [p.first, p.last, p.renamed, p.nick, p.mobile, p.email, p.channel];

    // The subject-access copy holds them all, before.
    const exported = await call<{ customer: CustomerView; history: HistoryEntry[] }>(EXPORT, {
      method: 'GET',
      path: `/v2/customers/${id}/export`,
      params: { id: String(id) },
      headers: { authorization: org.reader },
    });
    expect(exported.status).toBe(200);
    for (const v of values) expect(JSON.stringify(exported.body)).toContain(v);
    expect(await scanOrg(org.orgId, values)).not.toEqual([]);

    const requestId = await requestDeletion(org, id);
    const approved = await decide(org.checker, requestId, 'APPROVED');
    expect(approved.body.status).toBe('APPROVED');
    expect((await getCustomer(id, org.maker)).body.status).toBe('PENDING_DELETION');
    const other = await register(
      { profiles: [{ source: 'WEBSITE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      org.maker,
    );
    expect(codesOf(await createRequest(org.maker, mergeBody(other, id)))).toEqual([8109]);

    expect(await eraseDue()).toBeGreaterThanOrEqual(1);
    expect((await getRequest(org.maker, requestId)).body.status).toBe('COMPLETED');
    const after = await getCustomer(id, org.maker);
    expect(after.status).toBe(200);
    expect(after.body.id).toBe(id);
    expect(after.body.status).toBe('DELETED');
    expect((after.body as unknown as { warnings: { code: number }[] }).warnings.map((w) => w.code)).toEqual([8109]);
    expect(after.body.profiles.flatMap((x) => [x.firstName, x.lastName, ...x.identifiers, ...x.commChannels])).toEqual([
      '',
      '',
    ]);
    expect(after.body.extendedFields).toEqual({});

    // History stays, its personal values redacted.
    const history = (await getHistory<{ entries: HistoryEntry[] }>(id, org.maker, '?limit=200')).body.entries;
    expect(history[0]!.action).toBe('customer.deleted');
    const renamed = history.find((e) => e.action === 'customer.updated')!;
    expect(renamed.changes).toEqual([{ path: 'profiles.INSTORE.lastName', before: null, after: null, redacted: true }]);

    // No personal value left anywhere in the org's tables.
    expect(await scanOrg(org.orgId, values)).toEqual([]);

    // Writes: 8109; the identifiers are free for a new registration at once.
    expect(codesOf(await putCustomer(id, { profiles: [{ lastName: 'X' }] }, { authorization: org.maker }))).toEqual([
      8109,
    ]);
    expect(
      codesOf(
        await changeIdentifier(id, { add: [{ type: 'email', value: uniqueEmail() }] }, { authorization: org.maker }),
      ),
    ).toEqual([8109]);
    const again = await register(
      {
        profiles: [
          {
            source: 'INSTORE',
            identifiers: [
              { type: 'mobile', value: p.mobile },
              { type: 'email', value: p.email },
            ],
          },
        ],
      },
      org.maker,
    );
    expect(again).not.toBe(id);
  });

  it('waits piiDeleteAfterDays; cancelled before it runs, the customer is as before', async () => {
    const org = await requestsOrg();
    await setRequestSettings(org.orgId, { days: 30 });
    const { id, p } = await person(org);
    const requestId = await requestDeletion(org, id);
    const approved = await decide(org.checker, requestId, 'APPROVED');
    expect(new Date(approved.body.dueAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await eraseDue();
    expect((await getCustomer(id, org.maker)).body.status).toBe('PENDING_DELETION');
    // Cancelling an approved deletion needs requests:approve: its maker may cancel it only while pending.
    expect((await decide(org.maker, requestId, 'CANCELLED')).status).toBe(403);
    const cancelled = await decide(org.checker, requestId, 'CANCELLED');
    expect(cancelled.body.status).toBe('CANCELLED');
    const back = await getCustomer(id, org.maker);
    expect(back.body.status).toBe('ACTIVE');
    expect(back.body.profiles[0]!.firstName).toBe(p.first);
    expect(codesOf(await decide(org.checker, requestId, 'CANCELLED'))).toEqual([9072]);
  });

  it('finds the customer by an identifier; an unknown one is 8015', async () => {
    const org = await requestsOrg();
    const { id, p } = await person(org);
    const byIdentifier = await createRequest(org.maker, {
      type: 'CUSTOMER',
      baseType: 'DELETE',
      customerIdentificationInfo: { source: 'INSTORE', identifierType: 'mobile', identifierValue: p.mobile },
    });
    expect(byIdentifier.status).toBe(200);
    expect((await getRequest(org.maker, byIdentifier.body.createdId)).body.customerId).toBe(id);
    const unknown = await createRequest(org.maker, {
      type: 'CUSTOMER',
      baseType: 'DELETE',
      customerIdentificationInfo: { identifierType: 'mobile', identifierValue: uniqueMobile() },
    });
    expect(codesOf(unknown)).toEqual([8015]);
    // One open deletion per customer.
    expect(codesOf(await createRequest(org.maker, { type: 'CUSTOMER', baseType: 'DELETE', customerId: id }))).toEqual([
      8109,
    ]);
  });
});
