'use client';
// Change password: current + new. The server decides whether the new one is strong enough (at least
// 12 characters, not guessable by zxcvbn-ts) and says why not. After a one-time password, a change
// leads on to the app.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ChangePasswordResult } from '@/lib/admin/own-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { describedByOf, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

interface Props {
  mustChange: boolean;
  minLength: number;
  changePassword: (input: { currentPassword: string; newPassword: string }) => Promise<ChangePasswordResult>;
}

export function ChangePasswordForm({ mustChange, minLength, changePassword }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ChangePasswordResult | null>(null);
  const errors = result && !result.ok ? result.fieldErrors : {};

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    try {
      const outcome = await changePassword({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      });
      setResult(outcome);
      if (outcome.ok) {
        form.reset();
        if (mustChange) router.replace('/member-care/ui');
        router.refresh();
      }
    } catch {
      setResult({ ok: false, fieldErrors: {}, message: 'The server could not be reached. Try again.' });
    } finally {
      setPending(false);
    }
  }

  const hint = `At least ${minLength} characters; not a common password, a name or a keyboard pattern. A few unrelated words work well.`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Change password</CardTitle>
        <CardDescription>
          {mustChange
            ? 'You signed in with a one-time password. Choose your own password to continue.'
            : 'Choose a new password for signing in.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {result && !result.ok && (
            <Alert variant="destructive" role="alert">
              {result.message}
            </Alert>
          )}
          {result?.ok && (
            <Alert variant="success" role="status">
              Your password was changed.
            </Alert>
          )}
          <FormField id="currentPassword" label="Current password" required error={errors.currentPassword}>
            <Input
              id="currentPassword"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              aria-invalid={errors.currentPassword ? true : undefined}
              aria-describedby={describedByOf('currentPassword', errors.currentPassword)}
            />
          </FormField>
          <FormField id="newPassword" label="New password" required error={errors.newPassword} hint={hint}>
            <Input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              minLength={minLength}
              aria-invalid={errors.newPassword ? true : undefined}
              aria-describedby={describedByOf('newPassword', errors.newPassword, hint)}
            />
          </FormField>
          <div>
            <Button type="submit" disabled={pending}>
              Change password
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
