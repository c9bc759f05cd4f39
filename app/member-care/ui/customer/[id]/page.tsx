import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AccountCare } from '@/components/customer-edit/account-care';
import { DetailsCare } from '@/components/customer-edit/details-care';
import { editValuesOf } from '@/components/customer-edit/edit-values';
import { CustomerHeader } from '@/components/customer/customer-header';
import { CustomerSummary } from '@/components/customer/customer-summary';
import { RegistrationOutcomeNotice } from '@/components/customer/registration-outcome';
import { sourceAccountLabel } from '@/components/customer/format';
import { SourceAccountTabs } from '@/components/customer/source-account-tabs';
import type { CustomerPageLabels } from '@/components/customer/types';
import { HistorySection } from '@/components/history/history-section';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';
import type { OrgConfig } from '@/lib/config/types';
import { parseCustomerId } from '@/lib/customers/customer-id';
import { getRegistrationAudit, resolveCustomer } from '@/lib/customers/read';
import { may } from '@/lib/auth/access';
import { customerRequestFacts } from '@/lib/requests/requests';
import { CustomerRequestNotices } from '@/components/requests/customer-notices';
import { MergeDialog } from '@/components/requests/merge-dialog';
import { RequestDeletionButton } from '@/components/requests/request-deletion-button';

export const metadata: Metadata = { title: 'Customer · Member Care' };

type Props = { params: Promise<{ id: string }> };

// No loading.tsx above this page: a streamed response cannot change its status any more, and an
// unknown or other-org id must answer a real 404.

function labelsOf(config: OrgConfig): CustomerPageLabels {
  const byName = (defs: { name: string; label: string; dataType: string }[]) =>
    Object.fromEntries(defs.map((d) => [d.name, { label: d.label, dataType: d.dataType }]));
  return {
    primaryIdentifier: config.primaryIdentifier,
    customFields: byName(config.customFields),
    extendedFields: byName(config.extendedFields.customer),
    cardFields: byName(config.extendedFields.card),
    cardSeries: Object.fromEntries(config.cardSeries.map((s) => [s.id, s.name])),
  };
}

export default async function CustomerPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaff({ from: `/member-care/ui/customer/${encodeURIComponent(id)}` });
  const customerId = parseCustomerId(id);
  if (customerId === null) notFound();
  const db = await getDb();
  // Scoped by the signed-in staff's org: another org's id is as unknown as a made-up one.
  const [resolved, audit, config, facts] = await Promise.all([
    resolveCustomer(db, staff.orgId, customerId),
    getRegistrationAudit(db, staff.orgId, customerId),
    getOrgConfig(staff.orgId),
    customerRequestFacts(db, staff.orgId, customerId),
  ]);
  if (!resolved || !config) notFound();
  // A merge victim's page is its survivor's, which says what was merged into it.
  if (resolved.mergedFrom !== null) redirect(`/member-care/ui/customer/${resolved.customer.id}`);
  const { customer } = resolved;
  const labels = labelsOf(config);
  // Staff and admins alike may edit (the API checks the session, role and org again on every write).
  const care = { config, customerId: customer.id, version: customer.version };
  const first = customer.profiles[0];
  return (
    <div className="flex flex-col gap-6">
      <CustomerHeader customer={customer} />
      <RegistrationOutcomeNotice customerId={customer.id} />
      <CustomerRequestNotices facts={facts} mayApprove={may(staff, 'requests:approve')} />
      <section
        aria-labelledby="accounts-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="accounts-heading" className="mb-3 text-base font-semibold text-slate-900">
          Source accounts
        </h2>
        <SourceAccountTabs
          profiles={customer.profiles}
          labels={labels}
          wrap={(profile, panel) => (
            <AccountCare
              {...care}
              initial={editValuesOf(config, customer, profile)}
              identifiers={profile.identifiers}
              accountLabel={sourceAccountLabel(profile.source, profile.accountId)}
            >
              {panel}
            </AccountCare>
          )}
        />
      </section>
      <CustomerSummary
        customer={customer}
        labels={labels}
        registeredBy={audit}
        wrapDetails={(details) =>
          first ? (
            <DetailsCare {...care} initial={editValuesOf(config, customer, first)}>
              {details}
            </DetailsCare>
          ) : (
            details
          )
        }
      />
      {customer.status !== 'DELETED' && customer.status !== 'PENDING_DELETION' && (
        <section aria-label="Requests" className="flex flex-wrap items-start gap-4">
          <MergeDialog customerId={customer.id} autoApprove={config.requests.autoApprove.MERGE} />
          <RequestDeletionButton customerId={customer.id} days={config.requests.piiDeleteAfterDays} />
        </section>
      )}
      <HistorySection customerId={customer.id} version={customer.version} labels={labels} />
    </div>
  );
}
