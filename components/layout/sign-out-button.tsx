'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    // No redirect from next-auth: its absolute URLs follow NEXTAUTH_URL, which may name another host.
    await signOut({ redirect: false });
    router.replace('/login');
    // Drop the client's cached pages of the signed-in session.
    router.refresh();
  }
  return (
    <Button variant="ghost" size="sm" onClick={onClick} disabled={pending}>
      <LogOut aria-hidden="true" />
      Sign out
    </Button>
  );
}
