import { UserX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function CustomerNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <UserX aria-hidden="true" className="size-10 text-slate-400" />
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">Customer not found</h1>
      <p className="text-sm text-slate-600">There is no customer with this id in your organisation.</p>
      <Link href="/member-care/ui" className={buttonVariants({ variant: 'outline' })}>
        Search customers
      </Link>
    </div>
  );
}
