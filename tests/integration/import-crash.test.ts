// A worker process killed mid-import (SIGKILL) and another started: the job completes with every row
// registered exactly once, none skipped. Worker processes need PostgreSQL (the embedded database is one
// process's).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, identityKeys } from '@/db/schema';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueMobile } from './helpers';
import { csvOf, job, resultLines, until, uploadCsv, type Job } from './import-helpers';

isolateDatabaseForThisFile();

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function workerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, IMPORT_LEASE_MS: '2000', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

describe.runIf(Boolean(process.env.DATABASE_URL))('a worker killed mid-import', () => {
  it('finishes the job with every row registered exactly once', async () => {
    const rows = 3_000;
    const mobiles = Array.from({ length: rows }, () => uniqueMobile());
    const up = await uploadCsv(csvOf(mobiles));
    expect(up.status).toBe(200);
    const id = up.body.id;

    const first = workerProcess();
    // Past its first checkpoint (500 rows a chunk): killed in the middle of a later chunk.
    await until(async () => (await job(id)).rowsDone >= 500, 60_000);
    first.kill('SIGKILL');
    await new Promise((res) => first.once('exit', res));
    const db = await getDb();
    const atDeath = await job(id);
    const [registeredAtDeath] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(like(auditLog.requestId, `import:${id}:%`));
    // It died with rows registered beyond its last checkpoint (else this test would prove little).
    expect(atDeath.status).toBe('RUNNING');
    expect(atDeath.rowsDone).toBeLessThan(rows);

    const second = workerProcess();
    let j: Job = atDeath;
    await until(async () => (j = await job(id)).status === 'COMPLETED', 90_000);
    second.kill('SIGTERM');

    expect(j).toMatchObject({ rowsTotal: rows, rowsDone: rows, created: rows, duplicates: 0, invalid: 0 });
    // Every row once in the results, in order.
    const lines = await resultLines(id);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(mobiles.map((_, i) => i + 1));
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'created')).toBe(true);
    // Every row registered once: one audit record per row, one customer per mobile.
    const perRow = await db
      .select({ requestId: auditLog.requestId, n: count() })
      .from(auditLog)
      .where(like(auditLog.requestId, `import:${id}:%`))
      .groupBy(auditLog.requestId)
      .having(sql`count(*) > 1`);
    expect(perRow).toEqual([]);
    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(like(auditLog.requestId, `import:${id}:%`));
    expect(audits!.n).toBe(rows);
    const [keys] = await db
      .select({ n: count() })
      .from(identityKeys)
      .where(and(eq(identityKeys.type, 'mobile'), inArray(identityKeys.value, mobiles)));
    expect(keys!.n).toBe(rows);
    // Some rows were registered by the first worker after its last checkpoint: recovered, not repeated.
    expect(registeredAtDeath!.n).toBeGreaterThanOrEqual(atDeath.rowsDone);
  }, 180_000);
});
