// npm run worker — the background worker as its own process (then WORKER=off in the app's processes).
// On the embedded database the worker runs in the app process only: one process opens PGlite's files.
import { closeDb } from '@/db/client';
import { startUp } from '@/lib/startup';
import { startWorker } from '@/lib/worker';

await startUp({ server: false });
const worker = await startWorker();
console.log('member-care worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void worker
      .stop()
      .then(closeDb)
      .finally(() => process.exit(0));
  });
}
