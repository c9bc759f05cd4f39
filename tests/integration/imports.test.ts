// CSV imports (docs/api.md, "Import jobs"): the upload, the worker's run through the engine, counts per
// outcome, the results CSV, a dry run that writes nothing, and cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { POST as cancel } from '@/app/v2/imports/[id]/cancel/route';
import { GET as list } from '@/app/v2/imports/route';
import { getDb } from '@/db/client';
import { auditLog, identityKeys } from '@/db/schema';
import { startWorker, type RunningWorker } from '@/lib/worker';
import { register } from './care-helpers';
import { call, DEMO_TILL, READONLY_TILL, uniqueMobile } from './helpers';
import { csvOf, finished, job, resultLines, until, uploadCsv, type Job } from './import-helpers';

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ pollMs: 100, imports: { chunkRows: 20, roundMs: 200 } });
});
afterAll(() => worker.stop());

async function registeredMobiles(mobiles: string[]): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(identityKeys)
    .where(and(eq(identityKeys.type, 'mobile'), inArray(identityKeys.value, mobiles)));
  return row!.n;
}

describe('POST /v2/imports', () => {
  it('registers each row through the engine and counts every outcome', async () => {
    const existing = uniqueMobile();
    await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: existing }] }] });
    const [a, b, c] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const csv =
      '\uFEFFFirstName,lastName,mobile,email,shoeSize,field:city\n' +
      `Ann,Lee,${a},ann${a}@example.com,38,Pune\n` +
      `Ben,Ode,${b},,44,\n` +
      `Again,Ann,${a},,,\n` + // the same person as row 1: 8006
      `Bad,Mobile,98x76,,,\n` + // 8014
      `Old,Friend,${existing},,,\n` + // already registered in INSTORE: 8006
      '\n' + // a blank line is no row
      `"Cee, Jr.",Quote,${c},,,\n`;
    const up = await uploadCsv(csv, '?fileName=people.csv');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      status: 'QUEUED',
      dryRun: false,
      rowsTotal: 6,
      fileName: 'people.csv',
      columns: ['FirstName', 'lastName', 'mobile', 'email', 'field:city'],
      ignoredColumns: ['shoeSize'],
    });
    let j: Job = up.body;
    await until(async () => finished((j = await job(up.body.id))), 30_000);
    expect(j).toMatchObject({
      status: 'COMPLETED',
      rowsDone: 6,
      created: 3,
      sourceAdded: 0,
      duplicates: 2,
      invalid: 1,
    });
    expect(j.ratePerSecond).toBeGreaterThan(0);
    const lines = await resultLines(j.id);
    expect(lines[0]).toBe('row,outcome,customerId,codes,message');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '1,created',
      '2,created',
      '3,duplicate',
      '4,invalid',
      '5,duplicate',
      '6,created',
    ]);
    expect(lines[4]).toContain('8014');
    // Each registration carries its row's request id in its audit record, once.
    const db = await getDb();
    const audit = await db
      .select({ requestId: auditLog.requestId })
      .from(auditLog)
      .where(like(auditLog.requestId, `import:${j.id}:%`));
    expect(audit.map((x) => x.requestId).sort()).toEqual([1, 2, 6].map((r) => `import:${j.id}:${r}`).sort());
  });

  it('adds a source account to a known customer when the import names another source', async () => {
    const m = uniqueMobile();
    const id = await register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: m }] }] });
    const up = await uploadCsv(`mobile\n${m}\n`, '?source=LINE&accountId=2001914141242');
    expect(up.status).toBe(200);
    let j: Job = up.body;
    await until(async () => finished((j = await job(up.body.id))), 30_000);
    expect(j).toMatchObject({ status: 'COMPLETED', created: 0, sourceAdded: 1 });
    expect((await resultLines(j.id))[1]).toMatch(new RegExp(`^1,sourceAdded,${id},8050,`));
  });

  it('writes nothing in a dry run, and reports what each row would do', async () => {
    const mobiles = Array.from({ length: 45 }, () => uniqueMobile());
    // Row 2 repeats row 1 (the same chunk: rows of a chunk see each other); row 47 is invalid.
    const csv = csvOf([mobiles[0]!, ...mobiles, 'nope']);
    const up = await uploadCsv(csv, '?dryRun=true');
    expect(up.status).toBe(200);
    let j: Job = up.body;
    await until(async () => finished((j = await job(up.body.id))), 30_000);
    expect(j).toMatchObject({
      status: 'COMPLETED',
      dryRun: true,
      rowsDone: 47,
      created: 45,
      duplicates: 1,
      invalid: 1,
    });
    expect((await resultLines(j.id))[2]).toMatch(/^2,duplicate,,8006,/);
    expect(await registeredMobiles(mobiles)).toBe(0);
    const db = await getDb();
    const [audit] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(like(auditLog.requestId, `import:${j.id}:%`));
    expect(audit!.n).toBe(0);
  });

  it('stops at the chunk under way when cancelled', async () => {
    const mobiles = Array.from({ length: 3_000 }, () => uniqueMobile());
    const up = await uploadCsv(csvOf(mobiles));
    // Cancelled at once: the worker may have started it (it wakes on the upload) or not.
    const j: Job = up.body;
    const res = await call<Job>(cancel, {
      path: `/v2/imports/${j.id}/cancel`,
      params: { id: String(j.id) },
      headers: { authorization: DEMO_TILL },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('CANCELLED');
    // The chunk under way is recorded; then nothing more happens.
    await new Promise((r) => setTimeout(r, 1_000));
    const settled = await job(j.id);
    await new Promise((r) => setTimeout(r, 1_000));
    const later = await job(j.id);
    expect(later.rowsDone).toBe(settled.rowsDone);
    expect(later.status).toBe('CANCELLED');
    expect(later.rowsDone).toBeLessThan(3_000);
    expect(await registeredMobiles(mobiles)).toBe(later.created);
    expect((await resultLines(j.id)).length - 1).toBe(later.rowsDone);
    const again = await call<Job>(cancel, {
      path: `/v2/imports/${j.id}/cancel`,
      params: { id: String(j.id) },
      headers: { authorization: DEMO_TILL },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors!.map((e) => e.code)).toEqual([9605]);
  });

  it('lists imports newest first, and refuses what it cannot take', async () => {
    const first = await uploadCsv(csvOf([uniqueMobile()]));
    const second = await uploadCsv(csvOf([uniqueMobile()]));
    const listed = await call<{ imports: Job[] }>(list, {
      method: 'GET',
      path: '/v2/imports',
      headers: { authorization: DEMO_TILL },
    });
    expect(listed.status).toBe(200);
    const ids = listed.body.imports.map((x) => x.id);
    expect(ids.indexOf(second.body.id)).toBeLessThan(ids.indexOf(first.body.id));

    const json = await uploadCsv('mobile\n1\n', '', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.errors!.map((e) => e.code)).toEqual([9602]);
    const source = await uploadCsv('mobile\n1\n', '?source=NOPE');
    expect(source.body.errors!.map((e) => e.code)).toEqual([3217]);
    const noHeader = await uploadCsv('');
    expect(noHeader.status).toBe(400);
    const unknown = await uploadCsv('shoeSize\n38\n');
    expect(unknown.status).toBe(400);
    const readonly = await uploadCsv('mobile\n1\n', '', { authorization: READONLY_TILL });
    expect(readonly.status).toBe(403);
    const missing = await call<Job>(cancel, {
      path: '/v2/imports/999999/cancel',
      params: { id: '999999' },
      headers: { authorization: DEMO_TILL },
    });
    expect(missing.status).toBe(404);
  });
});
