import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface DefinitionItem {
  term: string;
  value: ReactNode;
}

/** Label/value pairs in a responsive grid; an empty list says so instead of vanishing. */
export function DefinitionList({
  items,
  empty = 'None',
  className,
}: {
  items: DefinitionItem[];
  empty?: string;
  className?: string;
}) {
  if (!items.length) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <dl className={cn('grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2', className)}>
      {items.map((item) => (
        <div key={item.term} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.term}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
