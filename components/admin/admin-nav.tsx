import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { focusRing } from '@/components/ui/focus';

const ITEMS = [
  { href: '/member-care/ui/settings/registration', label: 'Registration' },
  { href: '/member-care/ui/settings/staff', label: 'Staff' },
  { href: '/member-care/ui/settings/api-clients', label: 'API clients' },
  { href: '/member-care/ui/settings/webhooks', label: 'Webhooks' },
  { href: '/member-care/ui/settings/imports', label: 'Imports' },
  { href: '/member-care/ui/settings/audit', label: 'Audit log' },
] as const;

export type SettingsPath = (typeof ITEMS)[number]['href'];

/** The Settings menu: the configuration beside the administration pages. */
export function AdminNav({ current }: { current: SettingsPath }) {
  return (
    <nav aria-label="Settings" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {ITEMS.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? 'page' : undefined}
          className={cn(
            'rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100',
            item.href === current && 'bg-indigo-50 text-indigo-800',
            focusRing,
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
