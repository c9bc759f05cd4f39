'use client';

import { TextField } from './fields';
import { SettingsSection } from './section';

/** The org's time zone: every page shows times in it; empty, each browser shows its own. */
export function TimeZoneSection() {
  return (
    <SettingsSection
      id="time-zone"
      title="Time zone"
      description="Every page shows times in this time zone. Leave it empty to show each browser's own."
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="timeZone"
          label="Time zone"
          placeholder="The browser's"
          maxLength={64}
          spellCheck={false}
          hint="An IANA name, e.g. Asia/Kolkata or Europe/London"
        />
      </div>
    </SettingsSection>
  );
}
