import type { ReactNode } from 'react';

/** A page's title and what the page is for; `action` sits to the right, or below on narrow screens. */
export function PageHeader({
  title,
  description,
  action,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="text-sm text-slate-500">{description}</p>
    </div>
  );
  if (!action) return heading;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      {heading}
      {action}
    </div>
  );
}
