import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { getStaffSession } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'Sign in · Member Care' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getStaffSession()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-sm font-semibold uppercase tracking-wider text-indigo-700">Member Care</p>
        <Card>
          <CardHeader>
            <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
            <CardDescription>Staff of the store sign in with their work email.</CardDescription>
          </CardHeader>
          <CardContent className="pt-5">
            <LoginForm callbackUrl={callbackUrl} initialError={first(params.error) ?? null} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
