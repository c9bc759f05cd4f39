'use client';
// One page of the editor: the sections of its part of the document. The form around them (and its
// values) belongs to the layout, so moving from page to page keeps what was typed.
import { createContext, useContext, type ReactNode } from 'react';
import type { OrgConfig } from '@/lib/config/types';
import { CardSeriesSection } from './card-series-section';
import { CustomFieldsSection } from './custom-fields-section';
import { ExtendedFieldsSection, type ExtendedFieldInfo } from './extended-fields-section';
import { IdentifiersSection } from './identifiers-section';
import { MobileSection } from './mobile-section';
import { ProgramsSection } from './programs-section';
import { RateLimitSection } from './rate-limit-section';
import { RequestsSection } from './requests-section';
import { SECTIONS } from './sections';
import { SourcesSection } from './sources-section';
import { StatusLabelsSection } from './status-labels-section';
import { TillsSection } from './tills-section';
import { TimeZoneSection } from './time-zone-section';

/** What the sections need beyond the document: read from the stored configuration. */
export interface SettingsFacts {
  region: OrgConfig['region'];
  catalogue: ExtendedFieldInfo[];
}

const FactsContext = createContext<SettingsFacts | null>(null);

export function SettingsFactsProvider({ facts, children }: { facts: SettingsFacts; children: ReactNode }) {
  return <FactsContext value={facts}>{children}</FactsContext>;
}

function SectionById({ id, facts }: { id: string; facts: SettingsFacts }) {
  switch (id) {
    case 'identifiers':
      return <IdentifiersSection />;
    case 'mobile':
      return <MobileSection />;
    case 'time-zone':
      return <TimeZoneSection />;
    case 'sources':
      return <SourcesSection />;
    case 'custom-fields':
      return <CustomFieldsSection />;
    case 'extended-fields':
      return <ExtendedFieldsSection catalogue={facts.catalogue} />;
    case 'status-labels':
      return <StatusLabelsSection />;
    case 'card-series':
      return <CardSeriesSection />;
    case 'tills':
      return <TillsSection />;
    case 'loyalty-programs':
      return <ProgramsSection />;
    case 'rate-limit':
      return <RateLimitSection region={facts.region} />;
    case 'requests':
      return <RequestsSection />;
    default:
      return null;
  }
}

/** The sections of the editor page at `slug` ('' for the first page). */
export function SettingsPart({ slug }: { slug: string }) {
  const facts = useContext(FactsContext);
  if (!facts) throw new Error('SettingsPart renders inside the settings form');
  return (
    <>
      {SECTIONS.filter((s) => s.page.slug === slug).map((s) => (
        <SectionById key={s.id} id={s.id} facts={facts} />
      ))}
    </>
  );
}
