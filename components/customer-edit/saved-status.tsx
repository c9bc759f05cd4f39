'use client';

import type { WriteWarning } from './use-customer-write';

export interface SavedNote {
  text: string;
  warnings: WriteWarning[];
}

export function savedNote(text: string, saved: { warnings: WriteWarning[] } | null): SavedNote | null {
  return saved ? { text, warnings: saved.warnings } : null;
}

/** A live region, always present so that what a save said is announced when it appears. */
export function SavedStatus({ note }: { note: SavedNote | null }) {
  return (
    <div role="status" className="text-sm">
      {note && (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
          {note.text}
          {note.warnings.map((w) => (
            <span key={`${w.code}:${w.message}`} className="block text-amber-900">
              {w.message} <span className="text-xs">({w.code})</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
