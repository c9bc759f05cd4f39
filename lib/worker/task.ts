import type { Db } from '@/db/client';

/** A kind of background work (lib/worker). */
export interface BackgroundTask {
  name: string;
  /** NOTIFY channel announcing new work. */
  channel: string;
  /** How long to wait for work with no notification; the worker's `pollMs` when unset. */
  pollMs?: number;
  /**
   * Does one round of work; true when there may be more waiting. A task that keeps work running past
   * its round (the webhooks' deliveries in flight) calls `wake` when it could take more, so the worker
   * runs it again without waiting for a notification.
   */
  runOnce(db: Db, wake: () => void): Promise<boolean>;
  /** Resolves once the work it left running has finished (the worker's stop awaits it). */
  settle?(): Promise<void>;
}
