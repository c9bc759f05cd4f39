// /member-care/ui/requests — the requests queue: pending first, each pending merge with its preview;
// "Approve" / "Reject" for supervisors and admins, "Cancel request" for the maker of a pending one
import type { Metadata } from 'next';
import Link from 'next/link';
import { Day } from '@/components/customer/local-time';
import { PageHeader } from '@/components/layout/page-header';
import { CancelRequestButton, DecideButtons } from '@/components/requests/decide-buttons';
import { QueuedMergePreview } from '@/components/requests/merge-preview';
import { getDb } from '@/db/client';
import { may } from '@/lib/auth/access';
import { requireStaff } from '@/lib/auth/require-staff';
import { listOrgRequests } from '@/lib/requests/requests';
import type { RequestView } from '@/lib/requests/schemas';

export const metadata: Metadata = { title: 'Requests · Member Care' };
const URL = '/member-care/ui/requests';

function customerLink(id: number | null) {
  if (id === null) return null;
  return (
    <Link className="text-indigo-700 underline" href={`/member-care/ui/customer/${id}`}>
      #{id}
    </Link>
  );
}

function what(r: RequestView) {
  if (r.baseType === 'MERGE')
    return (
      <>
        Merge {customerLink(r.victimId)} into {customerLink(r.survivorId)}
      </>
    );
  return <>Delete the personal data of {customerLink(r.customerId)}</>;
}

export default async function RequestsPage() {
  const staff = await requireStaff({ from: URL });
  const db = await getDb();
  const [pending, others] = await Promise.all([
    listOrgRequests(db, staff.orgId, { status: 'PENDING', limit: 100 }),
    listOrgRequests(db, staff.orgId, { limit: 100 }),
  ]);
  const rows = [...pending, ...others.filter((r) => r.status !== 'PENDING')];
  const approver = may(staff, 'requests:approve');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        title="Requests"
        description="Merges of two customers and deletions of personal data. Someone other than the person who asked approves each."
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Requests, pending first, then newest first</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Request
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                What
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Asked by
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Decision
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-500">
                  No requests yet.
                </td>
              </tr>
            )}
            {rows.map((r) => {
              const own = r.createdBy.type === 'STAFF' && r.createdBy.code === staff.email;
              return (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{r.id}</td>
                  <td className="px-3 py-2">
                    {what(r)}
                    {r.comments && <p className="text-slate-500">{r.comments}</p>}
                    {r.status === 'PENDING' && r.victimId !== null && r.survivorId !== null && (
                      <QueuedMergePreview requestId={r.id} victimId={r.victimId} survivorId={r.survivorId} />
                    )}
                  </td>
                  <td className="px-3 py-2">{r.status}</td>
                  <td className="px-3 py-2">
                    {r.createdBy.code}
                    <p className="text-slate-500">
                      <Day iso={r.createdAt} />
                    </p>
                  </td>
                  <td className="px-3 py-2">
                    {r.status === 'PENDING' && approver && !own ? (
                      <DecideButtons requestId={r.id} />
                    ) : r.status === 'PENDING' && own ? (
                      <CancelRequestButton requestId={r.id} />
                    ) : (
                      (r.decidedBy?.code ?? '—')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
