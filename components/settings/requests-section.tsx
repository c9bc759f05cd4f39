import { CheckboxField, NumberField } from './fields';
import { SettingsSection } from './section';

/** Merges and deletions of personal data (docs/api.md, "Requests"): who approves them, and the wait. */
export function RequestsSection() {
  return (
    <SettingsSection
      id="requests"
      title="Requests"
      description="Merges of two customers and deletions of personal data wait for a supervisor or an admin to approve them, unless approved automatically."
    >
      <CheckboxField
        name="requests.autoApprove.MERGE"
        label="Approve merges automatically"
        hint="A merge then runs as soon as it is requested."
      />
      <CheckboxField
        name="requests.autoApprove.DELETE"
        label="Approve deletions automatically"
        hint="A deletion is then approved as soon as it is requested."
      />
      <NumberField
        name="requests.piiDeleteAfterDays"
        label="Days before personal data is deleted"
        min={0}
        max={90}
        step={1}
        className="max-w-xs"
        hint="0 to 90, counted from the approval; 0 deletes at once."
      />
    </SettingsSection>
  );
}
