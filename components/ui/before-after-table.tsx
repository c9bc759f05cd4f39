// What a change did, one row per thing changed: what, before, after. The customer's history and the
// configuration history both show their changes this way.
import type { ReactNode } from 'react';
import { cn } from './cn';

export interface BeforeAfterRow {
  key: string;
  what: ReactNode;
  before: ReactNode;
  after: ReactNode;
}

interface Props {
  /** For screen readers: what these changes are. */
  caption: string;
  /** The heading of the first column ("What", "Setting"). */
  whatHeading: string;
  rows: BeforeAfterRow[];
  /** Values as typed data (identifiers, names): in a monospaced font. */
  mono?: boolean;
  /** A "→" before each new value, seen but not read out. */
  arrow?: boolean;
}

export function BeforeAfterTable({ caption, whatHeading, rows, mono = false, arrow = false }: Props) {
  const value = cn('py-1.5 break-words', mono && 'font-mono');
  return (
    // Fixed columns, so the tables of consecutive entries line up.
    <table className="w-full table-fixed border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
          <th scope="col" className="w-1/3 py-1.5 pr-3 font-medium">
            {whatHeading}
          </th>
          <th scope="col" className="py-1.5 pr-3 font-medium">
            Before
          </th>
          <th scope="col" className="py-1.5 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-slate-100 align-top last:border-0">
            <th scope="row" className="py-1.5 pr-3 font-medium text-slate-800">
              {r.what}
            </th>
            <td className={cn(value, 'pr-3 text-slate-700')}>{r.before}</td>
            <td className={cn(value, 'text-slate-900')}>
              {arrow && (
                <span aria-hidden="true" className="mr-1 text-slate-500">
                  →
                </span>
              )}
              {r.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
