import { focusRing } from '@/components/ui/focus';
import { SECTIONS } from './sections';

/** Links to each section: the page is long, and keyboard users should not have to tab through it all. */
export function SettingsContents() {
  return (
    <nav aria-label="Sections" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className={`inline-block rounded-md px-2 py-1 text-indigo-700 hover:bg-indigo-50 ${focusRing}`}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
