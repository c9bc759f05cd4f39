import type { Db } from '@/db/client';

/** A kind of background work (lib/worker). */
export interface BackgroundTask {
  name: string;
  /** NOTIFY channel announcing new work. */
  channel: string;
  /** Does one round of work; true when there may be more waiting. */
  runOnce(db: Db): Promise<boolean>;
}
