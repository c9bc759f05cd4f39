// The worker's webhook task: claim due deliveries, send them in parallel (one per customer and
// webhook at a time: the claim sees to it), record each attempt.
import 'server-only';
import type { Db } from '@/db/client';
import { claimDeliveries, recordAttempt } from '@/db/queries/webhooks';
import { env } from '@/lib/env';
import { log, loggableError } from '@/lib/log';
import type { BackgroundTask } from '@/lib/worker/task';
import { attemptDelivery } from './deliver';
import { decryptSecret } from './secret';

export interface WebhookTaskOptions {
  /** Deliveries sent at once. */
  batch?: number;
  /** How long a claim holds before another worker may take the delivery again (a crashed worker). */
  leaseMs?: number;
}

export function webhookTask(opts: WebhookTaskOptions = {}): BackgroundTask {
  const batch = opts.batch ?? 50;
  const leaseMs = opts.leaseMs ?? env().WEBHOOK_LEASE_MS;
  const secrets = new Map<string, string>();
  const secretOf = (stored: string) => {
    let s = secrets.get(stored);
    if (s === undefined) secrets.set(stored, (s = decryptSecret(stored)));
    return s;
  };
  return {
    name: 'webhooks',
    channel: 'webhook_deliveries',
    async runOnce(db: Db) {
      const { NODE_ENV, WEBHOOK_ALLOWED_HOSTS } = env();
      const policy = { production: NODE_ENV === 'production', allowedHosts: WEBHOOK_ALLOWED_HOSTS };
      const claimed = await claimDeliveries(db, batch, leaseMs);
      await Promise.all(
        claimed.map(async (d) => {
          try {
            const outcome = await attemptDelivery(d, secretOf(d.secretCiphertext), policy);
            await recordAttempt(db, d, outcome);
          } catch (err) {
            // Left to its lease: it is tried again when the lease runs out.
            log.error({ delivery: d.id, err: loggableError(err) }, 'webhook delivery failed to run');
          }
        }),
      );
      return claimed.length > 0;
    },
  };
}
