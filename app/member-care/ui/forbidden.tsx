import { ShieldX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/** Rendered by forbidden() (requireStaff({ admin: true }) for store staff). */
export default function MemberCareForbidden() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <ShieldX aria-hidden="true" className="size-10 text-slate-400" />
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="text-2xl font-semibold text-slate-900">Admins only</h1>
      <p className="text-sm text-slate-600">This page is for your organisation’s administrators.</p>
      <Link href="/member-care/ui" className={buttonVariants({ variant: 'outline' })}>Back to customers</Link>
    </div>
  );
}
