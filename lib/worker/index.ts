// The worker: the one place background work runs. In the app process by default (server.ts starts it
// after listening; WORKER=off turns it off) or as its own process (npm run worker, scripts/worker.ts).
// Each task claims its own work from the database (FOR UPDATE SKIP LOCKED), so any number of workers
// may run side by side. A task runs again at once while it finds work, else when its channel is
// notified (LISTEN), or after `pollMs` at the latest (a notification lost with a connection).
// Its tasks: webhook deliveries, CSV imports (lib/imports/run.ts) and the erasure of personal data when a
// deletion is due (lib/requests).
import 'server-only';
import { getHandle } from '@/db/client';
import { log, loggableError } from '@/lib/log';
import { importTask, type ImportTaskOptions } from '@/lib/imports/run';
import { erasureTask } from '@/lib/requests/erasure';
import { webhookTask, type WebhookTaskOptions } from '@/lib/webhooks/task';

export interface WorkerOptions {
  pollMs?: number;
  webhooks?: WebhookTaskOptions;
  imports?: ImportTaskOptions;
}

export interface RunningWorker {
  /** Resolves once every task's round under way, and the work it left running, has finished. */
  stop(): Promise<void>;
}

export async function startWorker(opts: WorkerOptions = {}): Promise<RunningWorker> {
  const pollMs = opts.pollMs ?? 1_000;
  const handle = await getHandle();
  const tasks = [webhookTask(opts.webhooks), importTask(opts.imports), erasureTask()];
  let stopped = false;
  const stopWaits = new Set<() => void>();
  const loops = tasks.map(async (task) => {
    // Set by a notification or by the task itself (work it left running has finished) while a round
    // is under way, so the wake is not lost: the next round runs at once.
    let woken = false;
    let wake: (() => void) | null = null;
    const wakeUp = () => {
      woken = true;
      wake?.();
    };
    await handle.listen(task.channel, wakeUp);
    while (!stopped) {
      woken = false;
      let more = false;
      try {
        more = await task.runOnce(handle.db, wakeUp);
      } catch (err) {
        log.error({ task: task.name, err: loggableError(err) }, 'background task failed');
      }
      if (more || woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, task.pollMs ?? pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        stopWaits.add(wake);
      });
      if (wake) stopWaits.delete(wake);
      wake = null;
    }
    await task.settle?.();
  });
  return {
    async stop() {
      stopped = true;
      for (const w of stopWaits) w();
      await Promise.all(loops);
    },
  };
}
