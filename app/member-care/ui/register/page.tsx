import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RegistrationForm } from '@/components/registration/registration-form';
import { may } from '@/lib/auth/access';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';

export const metadata: Metadata = { title: 'Register customer · Member Care' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  // ?q=: what a search that found nobody had typed, carried over into the form.
  const raw = (await searchParams).q;
  const prefill = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 255) ?? '';
  const staff = await requireStaff({
    from: prefill ? `/member-care/ui/register?q=${encodeURIComponent(prefill)}` : '/member-care/ui/register',
  });
  // The signed-in staff's own org: the form follows the configuration the API will apply.
  const config = await getOrgConfig(staff.orgId);
  if (!config) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Register customer"
        description={`${config.orgName}: fields follow the organisation’s Registration Configuration. Search first if they may be registered already.`}
      />
      <RegistrationForm key={config.version} config={config} prefill={prefill} loyaltyDetails={may(staff, 'admin')} />
    </div>
  );
}
