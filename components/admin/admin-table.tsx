// The administration pages' table shell and error alert, one for all (Staff, API clients, Webhooks,
// Audit log): a captioned table whose columns are named once, rows given by the page.
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';

/** A column heading; `hidden` keeps it for screen readers only (the actions column). */
export type AdminColumn = string | { label: string; hidden: true };

export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly AdminColumn[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={typeof c === 'string' ? c : c.label} scope="col" className="px-3 py-2 font-medium">
                {typeof c === 'string' ? c : <span className="sr-only">{c.label}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The page-level error (a refused change, an unreachable server), announced as an alert. */
export function AdminError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert variant="destructive" role="alert">
      {message}
    </Alert>
  );
}
