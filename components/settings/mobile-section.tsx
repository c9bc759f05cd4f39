'use client';

import { getCountries } from 'libphonenumber-js/max';
import { CheckboxField, NumberField, SelectField, type Option } from './fields';
import { SettingsSection } from './section';

let countryOptions: Option[] | undefined;
/** The countries strict checking knows, by English name. */
function countries(): Option[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  countryOptions ??= getCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
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
