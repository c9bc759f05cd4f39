import { Badge } from '@/components/ui/badge';
import type { CustomerView } from '@/lib/customers/views';
import { customerDisplayName, initialsOf } from './display-name';
import { ProfileAvatar } from './profile-avatar';

export function CustomerHeader({ customer }: { customer: CustomerView }) {
  const name = customerDisplayName(customer.id, customer.profiles);
  return (
    <div className="flex flex-wrap items-center gap-4">
      <ProfileAvatar customerId={customer.id} initials={initialsOf(name)} />
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <span>Customer #{customer.id}</span>
          <Badge variant={customer.status === 'ACTIVE' ? 'success' : 'warning'}>
            {customer.statusLabel
              ? `${customer.statusLabel} · ${customer.status}`
              : `${customer.status} (no status label)`}
          </Badge>
          <Badge variant="neutral">{customer.loyaltyInfo.loyaltyType === 'loyalty' ? 'Loyalty' : 'Non-loyalty'}</Badge>
        </div>
      </div>
    </div>
  );
}
