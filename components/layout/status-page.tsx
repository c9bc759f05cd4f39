import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

interface StatusPageProps {
  status: number;
  title: string;
  description: string;
  icon?: LucideIcon;
  link: { href: string; label: string };
}

/** A page that could not be shown (404, 403): what happened, and the way back. */
export function StatusPage({ status, title, description, icon: Icon, link }: StatusPageProps) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      {Icon && <Icon aria-hidden="true" className="size-10 text-slate-400" />}
      <p className="text-sm font-semibold text-slate-500">{status}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{description}</p>
      <Link href={link.href} className={buttonVariants({ variant: 'outline' })}>
        {link.label}
      </Link>
    </div>
  );
}
