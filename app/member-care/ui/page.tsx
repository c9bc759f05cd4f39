import type { Metadata } from 'next';
import { readableValue } from '@/components/customer/format';
import Link from 'next/link';
import { Suspense } from 'react';
import { UserPlus } from 'lucide-react';
import { customerDisplayName } from '@/components/customer/display-name';
import { PageHeader } from '@/components/layout/page-header';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { buttonVariants } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { getDb } from '@/db/client';
import { SEARCH_LIMIT, searchCustomers } from '@/lib/customers/search';
import { requireStaff } from '@/lib/auth/require-staff';
import { getOrgConfig } from '@/lib/config/cache';

export const metadata: Metadata = { title: 'Customers · Member Care' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function Results({ orgId, query }: { orgId: number; query: string }) {
  const defaultCountry = (await getOrgConfig(orgId))?.mobile.defaultCountry;
  const hits = await searchCustomers(await getDb(), orgId, { q: query, limit: SEARCH_LIMIT.default, defaultCountry });
  const rows = hits.map((h) => ({
    customerId: h.id,
    name: customerDisplayName(h.id, [h]),
    matches: h.identifiers.map((m) => `${m.type}: ${readableValue(m.type, m.value)}`),
    sources: h.sources,
  }));
  return <SearchResults query={query} hits={rows} />;
}

export default async function HomePage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 255) ?? '';
  const staff = await requireStaff({
    from: query ? `/member-care/ui?q=${encodeURIComponent(query)}` : '/member-care/ui',
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Customers"
        description="Find a customer before registering them again."
        action={
          <Link href="/member-care/ui/register" className={buttonVariants()}>
            <UserPlus aria-hidden="true" />
            Register customer
          </Link>
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <SearchForm query={query} />
      </div>
      {query ? (
        <Suspense key={query} fallback={<ResultsSkeleton />}>
          <Results orgId={staff.orgId} query={query} />
        </Suspense>
      ) : (
        <p className="text-sm text-slate-500">
          Type a name, or a mobile number, email, external id or card number (its start is enough): pick a suggestion,
          or press Enter for every match.
        </p>
      )}
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <div className="flex flex-col gap-2" role="status" aria-label="Searching">
      <Skeleton className="h-12 w-full" />
      <Skeleton className="h-12 w-full" />
    </div>
  );
}
