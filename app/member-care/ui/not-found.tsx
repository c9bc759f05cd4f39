import { StatusPage } from '@/components/layout/status-page';

export default function MemberCareNotFound() {
  return (
    <StatusPage
      status={404}
      title="Page not found"
      description="Nothing here. Search for a customer instead."
      link={{ href: '/member-care/ui', label: 'Search customers' }}
    />
  );
}
