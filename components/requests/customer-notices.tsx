import { Day } from '@/components/customer/local-time';
import { Alert, AlertTitle } from '@/components/ui/alert';
import type { CustomerRequestFacts } from '@/lib/requests/requests';
import { UndoMergeButton } from './undo-merge-button';

/** What the requests did to this customer: merges into it ("Undo merge" for approvers within 30 days), its erasure. */
export function CustomerRequestNotices({ facts, mayApprove }: { facts: CustomerRequestFacts; mayApprove: boolean }) {
  if (!facts.merges.length && !facts.deletedAt) return null;
  return (
    <div className="flex flex-col gap-3">
      {facts.merges.map((m) => (
        <Alert key={m.requestId} variant="info" role="status">
          <AlertTitle>
            Customer #{m.victimId} was merged into this one on <Day iso={m.completedAt} />
          </AlertTitle>
          {mayApprove && m.undoable && <UndoMergeButton requestId={m.requestId} />}
        </Alert>
      ))}
      {facts.deletedAt && (
        <Alert variant="warning" role="status">
          <AlertTitle>
            Personal data deleted on <Day iso={facts.deletedAt} />
          </AlertTitle>
        </Alert>
      )}
    </div>
  );
}
