// The recovery path of an import, made deterministic: a row registered by a worker that then died
// before its checkpoint (its audit record carries the row's request id) is recorded, not registered
// again; the rows around it are registered.
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { importJobs } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { registerWithCurrentConfig } from '@/lib/customers/register';
import { rowRequestId } from '@/lib/imports/run';
import { startWorker } from '@/lib/worker';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueMobile } from './helpers';
import { csvOf, finished, job, resultLines, until, uploadCsv, type Job } from './import-helpers';

isolateDatabaseForThisFile();

describe('an import resumed after its worker died', () => {
  it('records the rows the dead worker registered and registers the others, each once', async () => {
    const mobiles = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const up = await uploadCsv(csvOf(mobiles));
    expect(up.status).toBe(200);
    const id = up.body.id;
    const db = await getDb();
    const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
    // What the dead worker did: claimed the job and registered row 2, as the import registers it.
    const actor = row!.actor as unknown as Parameters<typeof registerWithCurrentConfig>[1]['actor'];
    const before = await registerWithCurrentConfig(db, {
      actor,
      body: {
        profiles: [{ source: 'INSTORE', firstName: 'Row2', identifiers: [{ type: 'mobile', value: mobiles[1] }] }],
      },
      requestId: rowRequestId(id, 2),
      userContext: null,
    });
    await db
      .update(importJobs)
      .set({
        status: 'RUNNING',
        leaseOwner: '00000000-0000-4000-8000-000000000000',
        leaseUntil: new Date(Date.now() - 1),
      })
      .where(and(eq(importJobs.orgId, row!.orgId), eq(importJobs.id, id)));

    const worker = await startWorker({ pollMs: 100 });
    try {
      let j: Job = up.body;
      await until(async () => finished((j = await job(id))), 30_000);
      expect(j).toMatchObject({ status: 'COMPLETED', rowsDone: 3, created: 3, duplicates: 0, invalid: 0 });
      const lines = await resultLines(id);
      expect(lines[2]).toBe(`2,created,${before.createdId},,Registered before the import was resumed`);
      expect(lines[1]).toMatch(/^1,created,\d+,/);
      expect(lines[3]).toMatch(/^3,created,\d+,/);
    } finally {
      await worker.stop();
    }
  });
});
