'use client';

import { getCountries } from 'libphonenumber-js/max';
import { countryOptions as isoCountryOptions } from '@/lib/customers/field-values';
import { CheckboxField, NumberField, SelectField, type Option } from './fields';
import { SettingsSection } from './section';

let countryOptions: Option[] | undefined;
/**
 * The countries strict checking knows, by English name. The names come from the bundled ISO list, not
 * the runtime's Intl data, and the order from an explicit locale: the server's render and the
 * browser's then agree (Node's and the browser's names differ, which failed hydration).
 */
function countries(): Option[] {
  const names = new Map(isoCountryOptions().map((o) => [o.value, o.label]));
  countryOptions ??= getCountries()
    .map((code) => ({ value: code, label: `${names.get(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return countryOptions;
}

export function MobileSection() {
  return (
    <SettingsSection
      id="mobile"
      title="Mobile numbers"
      description="How mobile numbers are checked, in the API and in the registration form."
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField
          name="mobile.minLength"
          label="Minimum length"
          required
          min={1}
          max={20}
          step={1}
          hint="Digits, country code included"
        />
        <NumberField name="mobile.maxLength" label="Maximum length" required min={1} max={20} step={1} />
        <SelectField
          name="mobile.defaultCountry"
          label="Default country"
          placeholder="None"
          options={countries()}
          hint="For numbers given without a country code"
        />
      </div>
      <CheckboxField
        name="mobile.strict"
        label="Strict checking"
        hint="Only real numbers for their country are accepted; otherwise any digits within the lengths are."
      />
    </SettingsSection>
  );
}
