import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function MemberCareNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="text-sm text-slate-600">Nothing here. Search for a customer instead.</p>
      <Link href="/member-care/ui" className={buttonVariants({ variant: 'outline' })}>Search customers</Link>
    </div>
  );
}
