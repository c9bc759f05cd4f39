'use client';

import { useEffect, useState } from 'react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { takeRegistrationOutcome, type RegistrationOutcome } from '@/components/registration/outcome-store';
import { SideEffectList } from './side-effect-list';

/**
 * Warnings for whoever integrates or configures, not for the clerk: 8107 (no default status label)
 * comes with every registration of an org without one, and the clerk can do nothing about it.
 */
const INTEGRATOR_WARNINGS = new Set([8107]);

/** What the registration that just created (or extended) this customer said: shown once, then forgotten. */
export function RegistrationOutcomeNotice({ customerId }: { customerId: number }) {
  const [outcome, setOutcome] = useState<RegistrationOutcome | null>(null);
  useEffect(() => {
    const taken = takeRegistrationOutcome(customerId);
    // Reading sessionStorage can only happen after hydration; the notice appears on the next frame.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time read of browser storage
    if (taken) setOutcome(taken);
  }, [customerId]);
  if (!outcome) return null;
  const warnings = outcome.warnings.filter((w) => !INTEGRATOR_WARNINGS.has(w.code));
  return (
    <div className="flex flex-col gap-3" data-testid="registration-outcome">
      <Alert variant="success" role="status">
        <AlertTitle>Customer registered</AlertTitle>
        <p>
          {outcome.sideEffects.length ? 'Issued with this registration:' : 'Nothing was issued with this registration.'}
        </p>
        {outcome.sideEffects.length > 0 && <SideEffectList items={outcome.sideEffects} />}
      </Alert>
      {warnings.length > 0 && (
        <Alert variant="warning">
          <AlertTitle>Warnings</AlertTitle>
          <ul className="list-disc pl-4">
            {warnings.map((w) => (
              <li key={`${w.code}:${w.message}`}>
                {w.message} <span className="text-xs text-amber-800">({w.code})</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
