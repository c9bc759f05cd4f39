import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { customerRequests, customers, identityKeys } from '@/db/schema';
import { GET as LOOKUP } from '@/app/v2/customers/lookup/route';
import { POST as REGISTER } from '@/app/v2/customers/route';
import type { HistoryEntry } from '@/lib/customers/views';
import { changeIdentifier, codesOf, getCustomer, getHistory, putCustomer, register, search } from './care-helpers';
import { call, OTHER_TILL, uniqueEmail, uniqueMobile } from './helpers';
import {
  createRequest,
  decide,
  getRequest,
  listRequests,
  mergeBody,
  preview,
  requestsOrg,
  setRequestSettings,
  unmerge,
  type Failure,
} from './requests-helpers';

type Org = Awaited<ReturnType<typeof requestsOrg>>;

/** The customer as answered, its version (bumped by a merge or an unmerge) and the envelope aside. */
function withoutVersion(c: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'version' && k !== 'warnings'));
}

function profile(source: string, first: string, last: string, ids: [string, string][]) {
  return { source, firstName: first, lastName: last, identifiers: ids.map(([type, value]) => ({ type, value })) };
}

/** A survivor (INSTORE mobile, no last name) and a victim (INSTORE email + last name, WEBSITE mobile). */
async function pair(org: Org) {
  const s = { mobile: uniqueMobile() };
  const v = { email: uniqueEmail(), mobile: uniqueMobile() };
  const survivorId = await register({ profiles: [profile('INSTORE', 'Asha', '', [['mobile', s.mobile]])] }, org.maker);
  const victimId = await register(
    {
      profiles: [
        profile('INSTORE', 'Ash', 'Rao', [['email', v.email]]),
        profile('WEBSITE', 'Asha', 'Rao', [['mobile', v.mobile]]),
      ],
    },
    org.maker,
  );
  return { survivorId, victimId, s, v };
}

async function mergeNow(org: Org, victimId: number, survivorId: number): Promise<number> {
  const created = await createRequest(org.checker, mergeBody(victimId, survivorId), '?client_auto_approve=true');
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  expect(created.body.status).toBe('COMPLETED');
  return created.body.createdId;
}

async function historyOf(org: Org, id: number): Promise<HistoryEntry[]> {
  const res = await getHistory<{ entries: HistoryEntry[] }>(id, org.maker, '?limit=200');
  expect(res.status).toBe(200);
  return res.body.entries;
}

function lookup(authorization: string, identifierName: string, identifierValue: string) {
  return call<{ entity: number }>(LOOKUP, {
    method: 'GET',
    path: `/v2/customers/lookup?${new URLSearchParams({ identifierName, identifierValue })}`,
    headers: { authorization },
  });
}

describe('maker-checker', () => {
  it('the maker creates, cannot approve (403 without requests:approve, 9071 with it); another approver can', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const created = await createRequest(org.maker, mergeBody(victimId, survivorId, 'same person'));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.status).toBe('PENDING');
    const id = created.body.createdId;

    expect((await decide(org.maker, id, 'APPROVED')).status).toBe(403);
    const queue = await listRequests(org.checker, '?status=PENDING');
    expect(queue.body.requests.map((r) => r.id)).toContain(id);
    const one = await getRequest(org.reader, id);
    expect(one.body).toMatchObject({
      id,
      baseType: 'MERGE',
      status: 'PENDING',
      victimId,
      survivorId,
      preview: { blockers: [] },
    });

    const own = await createRequest(org.checker, mergeBody(survivorId, victimId));
    // The victim of a pending merge cannot survive another.
    expect(codesOf(own)).toEqual([9026]);

    const approved = await decide(org.checker, id, 'APPROVED', 'checked');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'COMPLETED', decidedBy: { code: `${org.code}.checker` } });
    expect(codesOf(await decide(org.checker2, id, 'REJECTED'))).toEqual([9072]);
  });

  it('9071: the approver who made the request cannot approve it, unless the org auto-approves merges', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const created = await createRequest(org.checker, mergeBody(victimId, survivorId));
    const res = await decide<Failure>(org.checker, created.body.createdId, 'APPROVED');
    expect(res.status).toBe(403);
    expect(codesOf(res)).toEqual([9071]);
    // Rejected, re-opened, then approved by the other checker.
    expect((await decide(org.checker2, created.body.createdId, 'REJECTED')).body.status).toBe('REJECTED');
    expect((await decide(org.checker, created.body.createdId, 'PENDING')).body.status).toBe('PENDING');
    await setRequestSettings(org.orgId, { merge: true });
    expect((await decide(org.checker, created.body.createdId, 'APPROVED')).body.status).toBe('COMPLETED');
  });

  it('auto-approval: a merge request in an org that approves merges automatically completes on creation', async () => {
    const org = await requestsOrg();
    await setRequestSettings(org.orgId, { merge: true });
    const { survivorId, victimId } = await pair(org);
    const created = await createRequest(org.maker, mergeBody(victimId, survivorId));
    expect(created.body.status).toBe('COMPLETED');
    // Creating needs customers:write; client_auto_approve counts only from a caller who may approve.
    const other = await pair(org);
    expect((await createRequest(org.reader, mergeBody(other.victimId, other.survivorId))).status).toBe(403);
    await setRequestSettings(org.orgId, { merge: false });
    const waits = await createRequest(
      org.maker,
      mergeBody(other.victimId, other.survivorId),
      '?client_auto_approve=true',
    );
    expect(waits.body.status).toBe('PENDING');
  });

  it('its maker cancels a pending request without requests:approve; no other maker can, nor once it is decided', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const id = (await createRequest(org.maker, mergeBody(victimId, survivorId))).body.createdId;
    // Without requests:approve: another maker cannot cancel it, and its maker cannot take any other decision.
    const other = await decide<Failure>(org.maker2, id, 'CANCELLED');
    expect(other.status).toBe(403);
    expect(codesOf(other)).toEqual([403]);
    expect((await decide(org.maker, id, 'REJECTED')).status).toBe(403);
    expect((await getRequest(org.reader, id)).body.status).toBe('PENDING');

    const cancelled = await decide(org.maker, id, 'CANCELLED', 'asked by mistake');
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      decidedBy: { type: 'TILL', code: `${org.code}.till` },
      comments: 'asked by mistake',
    });
    const entries = await historyOf(org, victimId);
    expect(entries.find((e) => e.action === 'request.decided')?.changes).toEqual([
      { path: `requests.${id}.status`, before: 'PENDING', after: 'CANCELLED' },
    ]);
    // Cancelled is final; the victim is free for another request, which, once rejected, its maker cannot cancel.
    expect(codesOf(await decide(org.maker, id, 'CANCELLED'))).toEqual([9072]);
    const again = (await createRequest(org.maker, mergeBody(victimId, survivorId))).body;
    expect(again.status).toBe('PENDING');
    await decide(org.checker, again.createdId, 'REJECTED');
    expect(codesOf(await decide(org.maker, again.createdId, 'CANCELLED'))).toEqual([9072]);
    // A checker cancels anyone's pending request.
    expect((await decide(org.checker, again.createdId, 'PENDING')).body.status).toBe('PENDING');
    expect((await decide(org.checker2, again.createdId, 'CANCELLED')).body.status).toBe('CANCELLED');
  });

  it('every decision is in the history of the customers, the admin log and the outbox', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const created = await createRequest(org.maker, mergeBody(victimId, survivorId));
    await decide(org.checker, created.body.createdId, 'REJECTED', 'not the same person');
    const entries = await historyOf(org, survivorId);
    expect(entries[0]).toMatchObject({
      action: 'request.decided',
      reason: 'not the same person',
      changes: [{ path: `requests.${created.body.createdId}.status`, before: 'PENDING', after: 'REJECTED' }],
    });
    const db = await getDb();
    const logged = await db.execute(
      sql`select action, details from audit_log where org_id = ${org.orgId} and customer_id is null and action = 'request.decide'`,
    );
    const rows = (Array.isArray(logged) ? logged : (logged as { rows: unknown[] }).rows) as { details: unknown }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ target: `request:${created.body.createdId}` });
  });
});

describe('the codes of a merge', () => {
  it('9029, 9042 (unknown and another org’s), 9050, 400 for a body of the wrong shape', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    expect(codesOf(await createRequest(org.maker, mergeBody(victimId, victimId)))).toEqual([9029]);
    const unknown = await createRequest(org.maker, mergeBody(victimId, 999999999));
    expect(unknown.status).toBe(404);
    expect(codesOf(unknown)).toEqual([9042]);
    const foreign = await register(
      { profiles: [profile('INSTORE', 'F', 'G', [['mobile', uniqueMobile()]])] },
      OTHER_TILL,
    );
    expect(codesOf(await createRequest(org.maker, mergeBody(foreign, survivorId)))).toEqual([9042]);
    expect(codesOf(await getRequest(org.maker, 424242))).toEqual([9050]);
    expect(codesOf(await getRequest(org.maker, 'x'))).toEqual([9050]);
    expect(codesOf(await decide(org.checker, 424242, 'APPROVED'))).toEqual([9050]);
    const bad = await createRequest(org.maker, { type: 'CHANGE_IDENTIFIER', baseType: 'MERGE', victimId: 'a' });
    expect(bad.status).toBe(400);
  });

  it('9018 and 9026: one open merge per victim, and no survivor that is a pending victim', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const third = await register({ profiles: [profile('INSTORE', 'T', 'U', [['mobile', uniqueMobile()]])] }, org.maker);
    expect((await createRequest(org.maker, mergeBody(victimId, survivorId))).status).toBe(200);
    const again = await createRequest(org.maker, mergeBody(victimId, third));
    expect(again.status).toBe(409);
    expect(codesOf(again)).toEqual([9018]);
    const intoVictim = await createRequest(org.maker, mergeBody(third, victimId));
    expect(intoVictim.status).toBe(409);
    expect(codesOf(intoVictim)).toEqual([9026]);
  });

  it('9027 and 9023 after a merge; 8069 on writes to the victim', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const third = await register({ profiles: [profile('INSTORE', 'T', 'U', [['mobile', uniqueMobile()]])] }, org.maker);
    await mergeNow(org, victimId, survivorId);
    expect(codesOf(await createRequest(org.maker, mergeBody(victimId, third)))).toEqual([9027]);
    expect(codesOf(await createRequest(org.maker, mergeBody(third, victimId)))).toEqual([9023]);
    const put = await putCustomer(victimId, { profiles: [{ lastName: 'X' }] }, { authorization: org.maker });
    expect(put.status).toBe(400);
    expect((put.body as unknown as Failure).errors[0]).toMatchObject({
      code: 8069,
      message: `Customer is merged into ${survivorId}`,
    });
    const change = await changeIdentifier(
      victimId,
      { add: [{ type: 'email', value: uniqueEmail() }] },
      { authorization: org.maker },
    );
    expect(codesOf(change)).toEqual([8069]);
  });

  it('8109 while a deletion is pending for either customer', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const del = await createRequest(
      org.checker,
      { type: 'CUSTOMER', baseType: 'DELETE', customerId: survivorId },
      '?client_auto_approve=true',
    );
    expect(del.body.status).toBe('APPROVED');
    expect(codesOf(await createRequest(org.maker, mergeBody(victimId, survivorId)))).toEqual([8109]);
    expect((await getCustomer(survivorId, org.maker)).body.status).toBe('PENDING_DELETION');
  });

  it('9031 for each single-valued type both hold differently in one source; the preview lists every blocker at once', async () => {
    const org = await requestsOrg();
    const survivorId = await register(
      {
        profiles: [
          profile('INSTORE', 'A', 'B', [
            ['mobile', uniqueMobile()],
            ['email', uniqueEmail()],
          ]),
        ],
      },
      org.maker,
    );
    const victimId = await register(
      {
        profiles: [
          profile('INSTORE', 'A', 'B', [
            ['mobile', uniqueMobile()],
            ['email', uniqueEmail()],
          ]),
        ],
      },
      org.maker,
    );
    const res = await createRequest<Failure>(org.maker, mergeBody(victimId, survivorId));
    expect(res.body.errors.map((e) => [e.code, e.message])).toEqual([
      [9031, 'Merge blocked: both customers hold a different mobile in INSTORE'],
      [9031, 'Merge blocked: both customers hold a different email in INSTORE'],
    ]);
    const third = await register({ profiles: [profile('WEBSITE', 'T', 'U', [['mobile', uniqueMobile()]])] }, org.maker);
    expect((await createRequest(org.maker, mergeBody(victimId, third))).status).toBe(200);
    const p = await preview(org.maker, victimId, survivorId);
    expect(p.status).toBe(200);
    expect(p.body.customer).toBeNull();
    expect(p.body.blockers.map((b) => b.code)).toEqual([9018, 9031, 9031]);
    expect(codesOf(await preview(org.maker, victimId, 999999999))).toEqual([9042]);
    expect((await preview(org.maker, victimId, victimId)).body.blockers.map((b) => b.code)).toEqual([9029]);
  });
});

describe('a merge', () => {
  it('moves everything to the survivor: the preview is what the merge then does', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId, s, v } = await pair(org);
    const victimHistory = await historyOf(org, victimId);
    const shown = await preview(org.maker, victimId, survivorId);
    expect(shown.body.blockers).toEqual([]);
    // Nothing written by the preview.
    expect((await getCustomer(victimId, org.maker)).body.id).toBe(victimId);

    await mergeNow(org, victimId, survivorId);
    const after = await getCustomer(survivorId, org.maker);
    expect(withoutVersion(after.body as never)).toEqual(withoutVersion(shown.body.customer as never));
    expect(after.body.profiles.map((p) => p.source)).toEqual(['INSTORE', 'WEBSITE']);
    const instore = after.body.profiles[0]!;
    expect(instore.firstName).toBe('Asha');
    expect(instore.lastName).toBe('Rao'); // the survivor's empty name takes the victim's
    expect(instore.identifiers.map((i) => i.value).sort()).toEqual([s.mobile, v.email].sort());
    expect(after.body.profiles[1]!.identifiers.map((i) => i.value)).toEqual([v.mobile]);

    // The victim answers the survivor, with 91009.
    const victim = await getCustomer(victimId, org.maker);
    expect(victim.status).toBe(200);
    expect(victim.body.id).toBe(survivorId);
    expect((victim.body as unknown as { warnings: { code: number }[] }).warnings.map((w) => w.code)).toEqual([91009]);

    // Lookups, search and registration find the survivor.
    expect((await lookup(org.maker, 'email', v.email)).body.entity).toBe(survivorId);
    const hits = await search({ q: v.mobile }, org.maker);
    expect(hits.body.customers.map((c) => c.id)).toEqual([survivorId]);
    const again = await call<Failure>(REGISTER, {
      body: { profiles: [profile('WEBSITE', 'A', 'R', [['mobile', v.mobile]])] },
      headers: { authorization: org.maker },
    });
    expect(again.body.errors[0]).toMatchObject({
      code: 8006,
      message: `Customer already exists with id ${survivorId} for same source`,
    });

    // History: the victim's entries now with the survivor, customer.merged on both.
    const history = await historyOf(org, survivorId);
    expect(history[0]!.action).toBe('customer.merged');
    expect(history[0]!.changes).toContainEqual({ path: 'mergedFrom', before: null, after: victimId });
    expect(history[0]!.changes).toContainEqual({ path: 'identifiers.INSTORE.email', before: null, after: v.email });
    for (const e of victimHistory) expect(history.map((h) => h.id)).toContain(e.id);
    const victimAfter = await historyOf(org, victimId);
    expect(victimAfter[0]).toMatchObject({
      action: 'customer.merged',
      changes: [{ path: 'mergedInto', before: null, after: survivorId }],
    });

    const db = await getDb();
    const [row] = await db
      .select({ lifecycle: customers.lifecycle, mergedInto: customers.mergedInto })
      .from(customers)
      .where(and(eq(customers.orgId, org.orgId), eq(customers.id, victimId)));
    expect(row).toEqual({ lifecycle: 'MERGED', mergedInto: survivorId });
    const keys = await db
      .select({ customerId: identityKeys.customerId })
      .from(identityKeys)
      .where(and(eq(identityKeys.orgId, org.orgId), eq(identityKeys.customerId, victimId)));
    expect(keys).toEqual([]);
  });
});

describe('unmerge', () => {
  const comparable = withoutVersion;
  const own = (entries: HistoryEntry[]) =>
    entries.filter((e) => !['customer.merged', 'customer.unmerged', 'request.decided'].includes(e.action));

  it('puts back both customers exactly: the full GET and history as before the merge', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const before = {
      s: comparable((await getCustomer(survivorId, org.maker)).body as never),
      v: comparable((await getCustomer(victimId, org.maker)).body as never),
      sh: await historyOf(org, survivorId),
      vh: await historyOf(org, victimId),
    };
    const id = await mergeNow(org, victimId, survivorId);
    const res = await unmerge(org.checker2, id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unmergedAt).not.toBeNull();
    expect(comparable((await getCustomer(survivorId, org.maker)).body as never)).toEqual(before.s);
    expect(comparable((await getCustomer(victimId, org.maker)).body as never)).toEqual(before.v);
    expect(own(await historyOf(org, survivorId))).toEqual(before.sh);
    expect(own(await historyOf(org, victimId))).toEqual(before.vh);
    expect((await historyOf(org, victimId))[0]!.action).toBe('customer.unmerged');
    // Writes reach the victim again; a second unmerge is refused.
    expect(
      (await putCustomer(victimId, { profiles: [{ lastName: 'Back' }] }, { authorization: org.maker })).status,
    ).toBe(200);
    expect(codesOf(await unmerge(org.checker2, id))).toEqual([9072]);
    // Needs requests:approve.
    expect((await unmerge(org.maker, id)).status).toBe(403);
  });

  it('keeps what was added to the survivor since; 9081 names what came from the victim and changed', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId, v } = await pair(org);
    const id = await mergeNow(org, victimId, survivorId);
    const added = uniqueEmail();
    expect(
      (
        await changeIdentifier(
          survivorId,
          { add: [{ type: 'email', value: added }] },
          { authorization: org.maker, query: '?source=WEBSITE' },
        )
      ).status,
    ).toBe(200);
    const removed = await changeIdentifier(
      survivorId,
      { remove: [{ type: 'email', value: v.email }] },
      { authorization: org.maker },
    );
    expect(removed.status).toBe(200);
    const refused = await unmerge(org.checker, id);
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as Failure).errors.map((e) => e.message)).toContain(
      `Cannot undo the merge: identifier email ${v.email} changed since the merge`,
    );
  });

  it('9082 after 30 days', async () => {
    const org = await requestsOrg();
    const { survivorId, victimId } = await pair(org);
    const id = await mergeNow(org, victimId, survivorId);
    await (
      await getDb()
    )
      .update(customerRequests)
      .set({ completedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(and(eq(customerRequests.orgId, org.orgId), eq(customerRequests.id, id)));
    expect(codesOf(await unmerge(org.checker, id))).toEqual([9082]);
  });
});

describe('writes racing a merge', () => {
  it('land before it (and move) or after it (on the survivor, or 8069): never lost, never half-moved', async () => {
    for (let round = 0; round < 3; round++) {
      const org = await requestsOrg();
      const { survivorId, victimId, v } = await pair(org);
      const added = Array.from({ length: 20 }, () => uniqueEmail());
      const writes = [
        ...added.map((email, i) =>
          changeIdentifier(
            i % 2 ? victimId : survivorId,
            { add: [{ type: 'email', value: email }] },
            { authorization: org.maker, query: '?source=WEBSITE' },
          ).then((r) => ({
            kind: 'identifier' as const,
            email,
            status: r.status,
            codes: r.status === 200 ? [] : codesOf(r),
          })),
        ),
        ...Array.from({ length: 15 }, (_, i) =>
          putCustomer(
            i % 2 ? victimId : survivorId,
            { profiles: [{ firstName: `Asha${i}` }] },
            { authorization: org.maker, query: '?source=WEBSITE', headers: { 'x-request-id': `race-${round}-${i}` } },
          ).then((r) => ({
            kind: 'put' as const,
            requestId: `race-${round}-${i}`,
            status: r.status,
            codes: r.status === 200 ? [] : codesOf(r),
          })),
        ),
        ...Array.from({ length: 15 }, () =>
          call<{ createdId?: number; errors?: { code: number; message: string }[] }>(REGISTER, {
            body: { profiles: [profile('WEBSITE', 'A', 'R', [['mobile', v.mobile]])] },
            headers: { authorization: org.maker },
          }).then((r) => ({ kind: 'register' as const, status: r.status, body: r.body })),
        ),
      ];
      const merge = mergeNow(org, victimId, survivorId);
      const results = await Promise.all(writes);
      await merge;

      const final = await getCustomer(survivorId, org.maker);
      const held = final.body.profiles.flatMap((p) => p.identifiers.map((i) => i.value));
      const history = await historyOf(org, survivorId);
      for (const r of results) {
        if (r.kind === 'identifier') {
          if (r.status === 200) expect(held).toContain(r.email);
          else {
            // 8069 on the victim after the merge; 8128 on the survivor before its WEBSITE account came.
            expect([[8069], [8128]]).toContainEqual(r.codes);
            expect(held).not.toContain(r.email);
          }
        } else if (r.kind === 'put') {
          if (r.status === 200) expect(history.some((h) => h.requestId === r.requestId)).toBe(true);
          else expect([[8069], [8128]]).toContainEqual(r.codes);
        } else {
          // The victim's mobile in WEBSITE: already there, on whichever customer held it then.
          expect(r.status).toBe(409);
          expect([victimId, survivorId].map((id) => `Customer already exists with id ${id} for same source`)).toContain(
            r.body.errors![0]!.message,
          );
        }
      }
      // Nothing is left on the victim.
      const db = await getDb();
      const left = await db.execute(
        sql`select (select count(*) from source_accounts where org_id = ${org.orgId} and customer_id = ${victimId})::int as accounts,
                   (select count(*) from identifiers where org_id = ${org.orgId} and customer_id = ${victimId})::int as ids,
                   (select count(*) from identity_keys where org_id = ${org.orgId} and customer_id = ${victimId})::int as keys,
                   (select count(*) from customer_search_words where org_id = ${org.orgId} and customer_id = ${victimId})::int as words`,
      );
      const counts = (Array.isArray(left) ? left : (left as { rows: unknown[] }).rows)[0];
      expect(counts).toEqual({ accounts: 0, ids: 0, keys: 0, words: 0 });
    }
  });
});
