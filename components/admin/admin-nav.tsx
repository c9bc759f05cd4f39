import Link from 'next/link';
import { EDITOR_PAGES, HISTORY_PAGE } from '@/components/settings/sections';
import { cn } from '@/components/ui/cn';
import { focusRing } from '@/components/ui/focus';

const ADMIN_ITEMS = [
  { href: '/member-care/ui/settings/staff', label: 'Staff' },
  { href: '/member-care/ui/settings/api-clients', label: 'API clients' },
  { href: '/member-care/ui/settings/webhooks', label: 'Webhooks' },
  { href: '/member-care/ui/settings/imports', label: 'Imports' },
  { href: '/member-care/ui/settings/audit', label: 'Audit log' },
] as const;

export type SettingsPath = (typeof ADMIN_ITEMS)[number]['href'];

/** The Registration Configuration's pages, then the administration's. */
const GROUPS = [
  {
    id: 'settings-configuration',
    title: 'Registration Configuration',
    items: [...EDITOR_PAGES, HISTORY_PAGE].map((p) => ({ href: p.href, label: p.title })),
  },
  { id: 'settings-administration', title: 'Administration', items: ADMIN_ITEMS },
];

/** The Settings menu: the configuration's pages beside the administration pages. */
export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Settings" className="flex flex-col gap-2 border-b border-slate-200 pb-2">
      {GROUPS.map((group) => (
        <div key={group.id} className="flex flex-wrap items-center gap-1">
          <p id={group.id} className="w-full px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {group.title}
          </p>
          <ul aria-labelledby={group.id} className="flex flex-wrap gap-1">
            {group.items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={item.href === current ? 'page' : undefined}
                  className={cn(
                    'inline-block rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100',
                    item.href === current && 'bg-indigo-50 text-indigo-800',
                    focusRing,
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
