'use client';

import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { OrgConfig } from '@/lib/config/types';
import { SelectField, TextField } from './fields';
import type { RegistrationFormValues } from './form-values';

/**
 * Enrolment in one loyalty program, the status label, a referral code and the registering till. The
 * tier, points and expiry dates are an admin's (`loyaltyDetails`); others enrol at the first tier
 * with nothing else, as the API allows them (8150).
 */
export function LoyaltySection({ config, loyaltyDetails }: { config: OrgConfig; loyaltyDetails: boolean }) {
  const { setValue, getValues } = useFormContext<RegistrationFormValues>();
  const programId = useWatch<RegistrationFormValues, 'loyaltyProgramEnrollments.0.programId'>({
    name: 'loyaltyProgramEnrollments.0.programId',
  });
  const program = config.programs.find((p) => String(p.id) === programId);
  const defaultLabel = config.statusLabels.find((l) => l.id === config.defaultStatusLabelId);

  // Another program has other tiers: start from its first (lowest) one.
  useEffect(() => {
    const tiers = config.programs.find((p) => String(p.id) === programId)?.tiers ?? [];
    if (!tiers.some((t) => String(t.number) === getValues('loyaltyProgramEnrollments.0.tierNumber'))) {
      setValue('loyaltyProgramEnrollments.0.tierNumber', tiers[0] ? String(tiers[0].number) : '');
    }
  }, [programId, config, getValues, setValue]);

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <SelectField
        name="loyaltyProgramEnrollments.0.programId"
        label="Loyalty program"
        placeholder="Not enrolled"
        options={config.programs.map((p) => ({ value: String(p.id), label: `${p.name} (${p.id})` }))}
      />
      {loyaltyDetails && (
        <>
          <SelectField
            name="loyaltyProgramEnrollments.0.tierNumber"
            label="Tier"
            placeholder={program ? undefined : 'Choose a program first'}
            options={(program?.tiers ?? []).map((t) => ({ value: String(t.number), label: `${t.number} · ${t.name}` }))}
          />
          <TextField
            name="loyaltyProgramEnrollments.0.loyaltyPoints"
            label="Points"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            placeholder="0"
          />
          <TextField name="loyaltyProgramEnrollments.0.tierExpiryDate" label="Tier expiry" type="date" />
          <TextField name="loyaltyProgramEnrollments.0.pointsExpiryDate" label="Points expiry" type="date" />
        </>
      )}
      <SelectField
        name="statusLabel"
        label="Status label"
        placeholder={defaultLabel ? `Default (${defaultLabel.name})` : 'No label'}
        options={config.statusLabels.map((l) => ({
          value: l.name,
          label: `${l.name} (${l.status.toLowerCase().replace(/_/g, ' ')})`,
        }))}
      />
      <TextField name="referralCode" label="Referral code" />
      <SelectField
        name="associatedWith"
        label="Registered at till"
        placeholder="Not set"
        options={config.tills.map((t) => ({
          value: t.code,
          label: t.name && t.name !== t.code ? `${t.code} (${t.name})` : t.code,
        }))}
      />
    </div>
  );
}
