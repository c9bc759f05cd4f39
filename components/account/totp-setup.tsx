'use client';
// Two-factor authentication for admins: a QR code (and the key as text) for an authenticator app,
// a code from it to turn TOTP on, then ten recovery codes shown once.
import { useState, type FormEvent } from 'react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

type Setup = { ok: true; key: string; qrSvg: string } | { ok: false; message: string };
type Enabled = { ok: true; recoveryCodes: string[] } | { ok: false; message: string };

interface Props {
  enabled: boolean;
  start: () => Promise<Setup>;
  turnOn: (code: string) => Promise<Enabled>;
}

export function TotpSetup({ enabled, start, turnOn }: Props) {
  const [setup, setSetup] = useState<Extract<Setup, { ok: true }> | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function begin() {
    setError(null);
    setPending(true);
    try {
      const res = await start();
      if (res.ok) setSetup(res);
      else setError(res.message);
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setPending(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('totp-code') ?? '');
    setError(null);
    setPending(true);
    try {
      const res = await turnOn(code);
      if (res.ok) {
        setCodes(res.recoveryCodes);
        setSetup(null);
      } else setError(res.message);
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-factor authentication</CardTitle>
        <CardDescription>
          {enabled || codes
            ? 'On: signing in asks for a code from your authenticator app (or a recovery code).'
            : 'Off. Turn it on to ask for a code from an authenticator app at every sign-in.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error && (
          <Alert variant="destructive" role="alert">
            {error}
          </Alert>
        )}
        {codes && (
          <Alert variant="warning" role="status">
            <AlertTitle>Recovery codes (shown once)</AlertTitle>
            <p>Keep them somewhere safe: each signs you in once without the app.</p>
            <ul className="grid grid-cols-2 gap-1 font-mono text-sm" aria-label="Recovery codes">
              {codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Alert>
        )}
        {!enabled && !codes && !setup && (
          <div>
            <Button type="button" onClick={() => void begin()} disabled={pending}>
              Set up two-factor authentication
            </Button>
          </div>
        )}
        {setup && (
          <form onSubmit={confirm} className="flex flex-col gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise */}
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
              alt="QR code for your authenticator app"
              width={176}
              height={176}
              className="rounded border border-slate-200 bg-white"
            />
            <p className="text-sm">
              Or enter this key: <code className="break-all font-mono">{setup.key}</code>
            </p>
            <FormField id="totp-code" label="Authentication code" required>
              <Input id="totp-code" name="totp-code" inputMode="numeric" autoComplete="one-time-code" required />
            </FormField>
            <div>
              <Button type="submit" disabled={pending}>
                Turn on
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
