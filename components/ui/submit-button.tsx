import { Loader2, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';

interface SubmitButtonProps {
  busy: boolean;
  icon: LucideIcon;
  busyLabel: string;
  className?: string;
  children: ReactNode;
}

/** A form's submit button: while the form is busy it is disabled, says so, and its icon spins. */
export function SubmitButton({ busy, icon: Icon, busyLabel, className, children }: SubmitButtonProps) {
  return (
    <Button type="submit" size="lg" disabled={busy} aria-busy={busy} className={className}>
      {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : <Icon aria-hidden="true" />}
      {busy ? busyLabel : children}
    </Button>
  );
}
