'use client';

import { LogIn } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/form/use-hydrated';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { SECOND_FACTOR, signInErrorMessage } from './sign-in-messages';

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const code = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  const email = useRef<HTMLInputElement>(null);
  // Focus starts in the email field once it can take input (autoFocus would run while still disabled),
  // unless the visitor has already moved it.
  useEffect(() => {
    if (hydrated && document.activeElement === document.body) email.current?.focus();
  }, [hydrated]);

  // The code field, once asked for, takes the focus (rendered by then, unlike a timer's guess).
  useEffect(() => {
    if (needsCode) code.current?.focus();
  }, [needsCode]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        ...(needsCode ? { code: String(data.get('code') ?? '') } : {}),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders again with the new cookie.
        window.location.assign(callbackUrl);
        return;
      }
      if (result?.error === SECOND_FACTOR) setNeedsCode(true);
      setError(signInErrorMessage(result?.error ?? 'unknown'));
    } catch {
      setError('Sign-in failed. Please check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {/* Disabled until hydrated: before then, Enter would send the browser's own GET, password in the URL. */}
      <fieldset disabled={!hydrated} className="flex min-w-0 flex-col gap-4">
        {error && (
          <Alert variant="destructive" role="alert">
            {error}
          </Alert>
        )}
        <FormField id="email" label="Email">
          <Input ref={email} id="email" name="email" type="email" autoComplete="username" required />
        </FormField>
        <FormField id="password" label="Password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </FormField>
        {needsCode && (
          <FormField id="code" label="Authentication code">
            <Input ref={code} id="code" name="code" autoComplete="one-time-code" inputMode="text" required />
          </FormField>
        )}
        <SubmitButton busy={pending} icon={LogIn} busyLabel="Signing in…" className="mt-2 w-full">
          Sign in
        </SubmitButton>
      </fieldset>
    </form>
  );
}
