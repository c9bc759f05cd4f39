// The erasure of a customer's personal data, run by the worker (lib/worker) when an approved deletion
// is due: the data goes, the history entries stay with their personal values replaced by null and
// `redacted: true`, and so do the events' copies of them in the outbox. One transaction with the
// request's completion, its history entry and its customerDeleted event.
import type { Db, DbOrTx } from '@/db/client';
import {
  claimDueErasure,
  deliveriesOf,
  ERASURE_CHANNEL,
  erasePersonalData,
  historyOf,
  setDeliveryData,
  setHistoryChanges,
} from '@/db/queries/erasure';
import { customerStates, updateRequest, writeHistory } from '@/db/queries/requests';
import type { HistoryChange } from '@/db/schema';
import type { BackgroundTask } from '@/lib/worker/task';

/** Paths whose values are personal: names, fields and channels of a profile, identifiers, extended fields. */
export function isPersonalPath(path: string): boolean {
  return /^(identifiers|extendedFields)(\.|$)/.test(path) || /^profiles\.[^.]+\./.test(path);
}

type RedactedChange = HistoryChange & { redacted?: true };

export function redactChanges(changes: RedactedChange[]): { changes: RedactedChange[]; changed: boolean } {
  let changed = false;
  const out = changes.map((c) => {
    if (!isPersonalPath(c.path) || c.redacted) return c;
    changed = true;
    return { path: c.path, before: null, after: null, redacted: true as const };
  });
  return { changes: out, changed };
}

async function redactHistory(tx: DbOrTx, orgId: number, customerId: number): Promise<void> {
  for (const entry of await historyOf(tx, orgId, customerId)) {
    const { changes, changed } = redactChanges(entry.changes);
    if (changed) await setHistoryChanges(tx, { orgId, customerId, id: entry.id, changes });
  }
  for (const d of await deliveriesOf(tx, orgId, customerId)) {
    const entries = (d.data.entries ?? []) as { changes?: RedactedChange[] }[];
    let any = false;
    const redacted = entries.map((e) => {
      const { changes, changed } = redactChanges(e.changes ?? []);
      any ||= changed;
      return { ...e, changes };
    });
    if (any) await setDeliveryData(tx, { orgId, id: d.id, data: { ...d.data, entries: redacted } });
  }
}

/** Erases the personal data of the next due deletion, if any; true when one was done. */
export async function runDueErasure(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const request = await claimDueErasure(tx);
    if (!request) return false;
    const orgId = request.orgId;
    const customerId = request.customerId!;
    // The customer's row lock: a write under way finishes first, and sees the erasure after.
    await customerStates(tx, orgId, [customerId], { lock: true });
    await redactHistory(tx, orgId, customerId);
    await erasePersonalData(tx, orgId, customerId);
    await writeHistory(
      tx,
      { orgId, customerId },
      {
        actorType: request.decidedByType ?? request.createdByType,
        actorCode: request.decidedByCode ?? request.createdByCode,
        requestId: `request-${request.id}`,
        userContext: null,
      },
      [
        {
          action: 'customer.deleted',
          reason: `request ${request.id}`,
          changes: [{ path: 'personalData', before: 'held', after: 'erased' }],
        },
      ],
    );
    await updateRequest(tx, { orgId, id: request.id }, { status: 'COMPLETED', completedAt: new Date() });
    return true;
  });
}

export function erasureTask(): BackgroundTask {
  return { name: 'erasure', channel: ERASURE_CHANNEL, runOnce: runDueErasure };
}
