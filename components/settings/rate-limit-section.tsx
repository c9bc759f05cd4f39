import type { OrgConfig } from '@/lib/config/types';
import { REGION_NAMES, REGION_RATE_LIMITS } from '@/lib/vocabulary';
import { NumberField } from './fields';
import { SettingsSection } from './section';

type Region = OrgConfig['region'];

export function RateLimitSection({ region }: { region: Region }) {
  const regional = REGION_RATE_LIMITS[region];
  const fallback = regional === null ? 'no limit' : `${regional} requests per minute`;
  return (
    <SettingsSection
      id="rate-limit"
      title="Rate limit"
      description={`API requests per minute for your organisation, every client together. Your region, ${REGION_NAMES[region]}, allows ${fallback} by default.`}
    >
      <NumberField
        name="rateLimitOverride"
        label="Requests per minute"
        min={1}
        step={1}
        className="max-w-xs"
        placeholder={regional === null ? 'No limit' : String(regional)}
        hint={`Empty: the region's default (${fallback})`}
      />
    </SettingsSection>
  );
}
