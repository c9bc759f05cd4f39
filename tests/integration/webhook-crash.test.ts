// A worker process killed mid-delivery (SIGKILL) and another started: every event is delivered at
// least once, none lost. Worker processes need PostgreSQL (the embedded database is one process's).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { register } from './care-helpers';
import { isolateDatabaseForThisFile } from './fresh-database';
import { uniqueMobile, until } from './helpers';
import { addWebhook, deliveriesOf, orgOfTill, startReceiver } from './webhook-helpers';

isolateDatabaseForThisFile();

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function workerProcess(): ChildProcess {
  const child = spawn(
    process.execPath,
    // Node itself with tsx's loader (tsx's command would run the worker in a child of its own, which
    // a SIGKILL of the command leaves running).
    ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
    { env: { ...process.env, WEBHOOK_LEASE_MS: '2000', LOG_LEVEL: 'silent' }, stdio: 'ignore' },
  );
  children.push(child);
  return child;
}

describe.runIf(Boolean(process.env.DATABASE_URL))('a worker killed mid-delivery', () => {
  it('loses no event: the next worker delivers every one at least once', async () => {
    // No answer until the first worker is dead: what it sent is under way when it is killed.
    let release!: () => void;
    const killed = new Promise<void>((res) => (release = res));
    const r = await startReceiver(() => killed.then(() => 200));
    try {
      const orgId = await orgOfTill();
      await addWebhook(orgId, { url: r.url, events: ['customerAdded'] });
      const customers = await Promise.all(
        Array.from({ length: 20 }, () =>
          register({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] }),
        ),
      );
      const first = workerProcess();
      await until(() => r.received.length >= 3, 30_000);
      first.kill('SIGKILL');
      await new Promise((res) => first.once('exit', res));
      const sentBeforeDying = r.received.length;
      release();
      const eventIds = async () =>
        (await Promise.all(customers.map((id) => deliveriesOf(orgId, id)))).flat().map((d) => d.eventId);
      const expected = await eventIds();
      expect(expected).toHaveLength(20);
      const second = workerProcess();
      const received = () => new Set(r.received.map((x) => (JSON.parse(x.body) as { eventId: string }).eventId));
      await until(() => expected.every((e) => received().has(e)), 40_000);
      await until(
        async () =>
          (await Promise.all(customers.map((id) => deliveriesOf(orgId, id))))
            .flat()
            .every((d) => d.status === 'delivered'),
        10_000,
      );
      // What was under way when the first died was sent again: at least once.
      expect(r.received.length).toBeGreaterThanOrEqual(20 + sentBeforeDying);
      second.kill('SIGTERM');
    } finally {
      await r.close();
    }
  }, 90_000);
});
