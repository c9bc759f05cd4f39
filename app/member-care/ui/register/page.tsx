import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RegistrationForm } from '@/components/registration/registration-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';

export const metadata: Metadata = { title: 'Register customer · Member Care' };

export default async function RegisterPage() {
  const staff = await requireStaff({ from: '/member-care/ui/register' });
  // The signed-in staff's own org: the form follows the configuration the API will apply.
  const config = await getOrgConfig(staff.orgId);
  if (!config) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Register customer"
        description={`${config.orgName}: fields follow the organisation’s Registration Configuration. Search first if they may be registered already.`}
      />
      <RegistrationForm key={config.version} config={config} />
    </div>
  );
}
