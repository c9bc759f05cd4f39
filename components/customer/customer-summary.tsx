import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerView } from '@/lib/customers/views';
import { DefinitionList } from './definition-list';
import { actorText, formatFieldValue } from './format';
import { Day, Moment } from './local-time';
import { SideEffectList } from './side-effect-list';
import type { CustomerPageLabels, RegisteredBy } from './types';

/** The customer-level details: everything that is not one source account's. */
export function CustomerSummary({
  customer,
  labels,
  registeredBy,
  wrapDetails = (details) => details,
}: {
  customer: CustomerView;
  labels: CustomerPageLabels;
  registeredBy: RegisteredBy | null;
  /** What the page offers around the status label and extended fields (their editor). */
  wrapDetails?: (details: ReactNode) => ReactNode;
}) {
  const extended = Object.entries(customer.extendedFields).map(([name, value]) => ({
    term: labels.extendedFields[name]?.label ?? name,
    value: formatFieldValue(labels.extendedFields[name]?.dataType, value),
  }));
  const context = Object.entries(registeredBy?.userContext ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Status and extended fields</CardTitle>
        </CardHeader>
        <CardContent>
          {wrapDetails(
            <DefinitionList
              items={[
                {
                  term: 'Status label',
                  value: customer.statusLabel ? `${customer.statusLabel} (${customer.status})` : 'Not set',
                },
                ...extended,
              ]}
            />,
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Loyalty</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {customer.loyaltyProgramEnrollments.length ? (
            customer.loyaltyProgramEnrollments.map((e) => (
              <DefinitionList
                key={e.programId}
                items={[
                  { term: 'Program', value: `${e.programName} (${e.programId})` },
                  { term: 'Tier', value: `${e.tierName} (${e.tierNumber})` },
                  { term: 'Points', value: String(e.loyaltyPoints) },
                  { term: 'Tier expiry', value: <Day iso={e.tierExpiryDate} /> },
                  { term: 'Points expiry', value: <Day iso={e.pointsExpiryDate} /> },
                ]}
              />
            ))
          ) : (
            <p className="text-sm text-slate-500">
              {customer.loyaltyInfo.loyaltyType === 'non_loyalty' ? 'Not a loyalty customer' : 'Not enrolled'}
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Issued at registration</CardTitle>
        </CardHeader>
        <CardContent>
          <SideEffectList items={customer.sideEffects} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Registration</CardTitle>
        </CardHeader>
        <CardContent>
          <DefinitionList
            items={[
              { term: 'Registered at till', value: customer.registeredTill ?? '—' },
              {
                term: 'Registered by',
                value: registeredBy ? actorText({ type: registeredBy.actorType, code: registeredBy.actorCode }) : '—',
              },
              ...(context ? [{ term: 'On behalf of', value: context }] : []),
              { term: 'Registered on', value: <Moment iso={registeredBy?.at} /> },
              {
                term: 'Referral code',
                value: <code className="font-mono font-semibold">{customer.referralCode}</code>,
              },
            ]}
          />
        </CardContent>
      </Card>
    </div>
  );
}
