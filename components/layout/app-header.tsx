import Link from 'next/link';
import type { StaffRole } from '@/lib/vocabulary';
import { Badge } from '@/components/ui/badge';
import { focusRing } from '@/components/ui/focus';
import { MainNav } from './main-nav';
import { SignOutButton } from './sign-out-button';

interface AppHeaderProps {
  name: string;
  email: string;
  role: StaffRole;
  /** The layout asks lib/auth/access.ts; the header only shows the answer. */
  isAdmin: boolean;
  orgName: string;
}

export function AppHeader({ name, email, role, isAdmin, orgName }: AppHeaderProps) {
  const items = [
    { href: '/member-care/ui', label: 'Search', exact: true },
    { href: '/member-care/ui/register', label: 'Register' },
    { href: '/member-care/ui/requests', label: 'Requests' },
    ...(isAdmin ? [{ href: '/member-care/ui/settings/registration', label: 'Settings' }] : []),
  ];
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link
          href="/member-care/ui"
          className={`rounded-md text-sm font-bold tracking-tight text-indigo-700 ${focusRing}`}
        >
          Member Care
        </Link>
        <span className="hidden text-sm text-slate-500 md:inline">{orgName}</span>
        <MainNav items={items} />
        <div className="ml-auto flex items-center gap-3">
          <Link
            href="/member-care/ui/account"
            className={`hidden rounded-md text-right leading-tight sm:block ${focusRing}`}
          >
            {/* The visible text is the name; the link's name starts with what it is for. */}
            <span className="sr-only">Your account: </span>
            <span className="block text-sm font-medium text-slate-900">{name}</span>
            <span className="block text-xs text-slate-500">{email}</span>
          </Link>
          <Badge variant={isAdmin ? 'default' : 'neutral'}>{role}</Badge>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
