import { UserX } from 'lucide-react';
import { StatusPage } from '@/components/layout/status-page';

export default function CustomerNotFound() {
  return (
    <StatusPage
      status={404}
      icon={UserX}
      title="Customer not found"
      description="There is no customer with this id in your organisation."
      link={{ href: '/member-care/ui', label: 'Search customers' }}
    />
  );
}
