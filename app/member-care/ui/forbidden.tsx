import { ShieldX } from 'lucide-react';
import { StatusPage } from '@/components/layout/status-page';

/** Rendered by forbidden() (requireStaff({ admin: true }) for store staff). */
export default function MemberCareForbidden() {
  return (
    <StatusPage
      status={403}
      icon={ShieldX}
      title="Admins only"
      description="This page is for your organisation’s administrators."
      link={{ href: '/member-care/ui', label: 'Back to customers' }}
    />
  );
}
