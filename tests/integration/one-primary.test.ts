// One primary per type per source account (docs/api.md, "Identity rules"): a profile's channels name
// at most one primary of a type, in a registration and an update (8151), and the database holds it;
// an account's primary identifier of a type is its first, which changeIdentifier keeps when another
// is added and hands to the new one when the old is replaced.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { changeIdentifier, codesOf, getCustomer, putCustomer, register } from './care-helpers';
import { call, DEMO_TILL, uniqueEmail, uniqueMobile } from './helpers';

const profile = (mobile: string, commChannels: unknown[] = []) => ({
  profiles: [
    {
      source: 'INSTORE',
      firstName: 'Prim',
      lastName: 'Ary',
      identifiers: [{ type: 'mobile', value: mobile }],
      commChannels,
    },
  ],
});

async function customersWith(mobile: string): Promise<number> {
  const [row] = await execRows<{ n: number | string }>(
    await getDb(),
    sql`select count(*) as n from identity_keys where type = 'mobile' and value = ${mobile}`,
  );
  return Number(row?.n);
}

describe('channels: one primary per type per source account', () => {
  it('refuses a registration whose channels mark two mobiles primary: 8151 on the second, nothing written', async () => {
    const [mobile, other] = [uniqueMobile(), uniqueMobile()];
    const res = await call<{ errors: { code: number; field?: string; message: string }[] }>(REGISTER, {
      body: profile(mobile, [
        { type: 'mobile', value: mobile, primary: true },
        { type: 'mobile', value: other, primary: 'true' },
      ]),
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        code: 8151,
        message: 'More than one primary mobile channel in one source account',
        field: 'profiles[0].commChannels[1].primary',
      }),
    ]);
    expect(await customersWith(mobile)).toBe(0);
  });

  it('accepts one primary per type: a primary mobile and a primary email, a second mobile not primary', async () => {
    const [mobile, other] = [uniqueMobile(), uniqueMobile()];
    const id = await register(
      profile(mobile, [
        { type: 'mobile', value: mobile, primary: true },
        { type: 'email', value: uniqueEmail(), primary: true },
        { type: 'mobile', value: other, primary: false },
      ]),
    );
    const read = await getCustomer(id);
    const channels = read.body.profiles[0]!.commChannels as { type: string; primary: boolean }[];
    expect(channels.map((c) => `${c.type}:${c.primary}`)).toEqual(['mobile:true', 'email:true', 'mobile:false']);
  });

  it('refuses an update whose channels mark two emails primary (8151), and applies one that moves the primary', async () => {
    const mobile = uniqueMobile();
    const id = await register(profile(mobile, [{ type: 'mobile', value: mobile, primary: true }]));
    const [a, b] = [uniqueEmail(), uniqueEmail()];
    const twice = await putCustomer(id, {
      profiles: [
        {
          source: 'INSTORE',
          commChannels: [
            { type: 'email', value: a, primary: true },
            { type: 'email', value: b, primary: true },
          ],
        },
      ],
    });
    expect(twice.status).toBe(400);
    expect(codesOf(twice)).toEqual([8151]);
    // The account's primary mobile moves to another number in one change: the list is replaced whole.
    const other = uniqueMobile();
    const moved = await putCustomer(id, {
      profiles: [
        {
          source: 'INSTORE',
          commChannels: [
            { type: 'mobile', value: other, primary: true },
            { type: 'mobile', value: mobile, primary: false },
          ],
        },
      ],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('is held by the database: a second primary mobile channel written directly is refused', async () => {
    const mobile = uniqueMobile();
    const id = await register(profile(mobile, [{ type: 'mobile', value: mobile, primary: true }]));
    const db = await getDb();
    const [account] = await execRows<{ org_id: number; id: number }>(
      db,
      sql`select org_id, id from source_accounts where customer_id = ${id}`,
    );
    await expect(
      db.execute(sql`insert into comm_channels (org_id, source_account_id, type, value, is_primary, position)
        values (${account!.org_id}, ${account!.id}, 'mobile', ${uniqueMobile()}, true, 1)`),
    ).rejects.toThrow();
  });
});

describe('identifiers: the first of a type is the primary one', () => {
  it('changeIdentifier keeps the old mobile first when another is added; removing the first makes the next one primary', async () => {
    const [first, second, third] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const id = await register(profile(first));
    const mobiles = async () =>
      (await getCustomer(id)).body.profiles[0]!.identifiers.filter((i) => i.type === 'mobile').map((i) => i.value);
    expect((await changeIdentifier(id, { add: [{ type: 'mobile', value: second }] })).status).toBe(200);
    expect(await mobiles()).toEqual([first, second]);
    const replaced = await changeIdentifier(id, {
      add: [{ type: 'mobile', value: third }],
      remove: [{ type: 'mobile', value: first }],
    });
    expect(replaced.status).toBe(200);
    expect(await mobiles()).toEqual([second, third]);
    // A replacement of the only mobile: the new one is the first, so the primary.
    const only = await register(profile(uniqueMobile()));
    const fresh = uniqueMobile();
    const before = (await getCustomer(only)).body.profiles[0]!.identifiers[0]!.value;
    await changeIdentifier(only, {
      add: [{ type: 'mobile', value: fresh }],
      remove: [{ type: 'mobile', value: before }],
    });
    expect((await getCustomer(only)).body.profiles[0]!.identifiers.map((i) => i.value)).toEqual([fresh]);
  });
});
