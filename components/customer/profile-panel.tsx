import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { ProfileView } from '@/lib/customers/views';
import { DefinitionList } from './definition-list';
import { formatFieldValue, orderIdentifiers, readableValue, typeName } from './format';
import { Moment } from './local-time';
import type { CustomerPageLabels } from './types';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

/** One source account: its names, identifiers (primary type first), channels and custom fields. */
export function ProfilePanel({ profile, labels }: { profile: ProfileView; labels: CustomerPageLabels }) {
  const identifiers = orderIdentifiers(profile.identifiers, labels.primaryIdentifier);
  const fields = Object.entries(profile.fields).map(([name, value]) => ({
    term: labels.customFields[name]?.label ?? name,
    value: formatFieldValue(labels.customFields[name]?.dataType, value),
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title="Names">
        <DefinitionList
          items={[
            { term: 'First name', value: profile.firstName || '—' },
            { term: 'Last name', value: profile.lastName || '—' },
          ]}
        />
      </Section>
      <Section title="Identifiers">
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {identifiers.map((id, index) => (
            <li
              key={`${id.type}:${id.value}`}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm"
            >
              <span className="w-28 shrink-0 text-slate-500">{typeName(id.type)}</span>
              <span className="font-mono text-slate-900">{readableValue(id.type, id.value)}</span>
              {/* One primary per account: the first of the primary type (the oldest), not every mobile. */}
              {index === 0 && id.type === labels.primaryIdentifier && <Badge>primary</Badge>}
              {id.seriesId !== undefined && (
                <Badge variant="neutral">{labels.cardSeries[id.seriesId] ?? `Series ${id.seriesId}`}</Badge>
              )}
              {id.statusLabel && <Badge variant="neutral">{id.statusLabel}</Badge>}
              {Object.entries(id.extendedFields ?? {}).map(([k, v]) => (
                <span key={k} className="text-xs text-slate-500">
                  {labels.cardFields[k]?.label ?? k}: {formatFieldValue(labels.cardFields[k]?.dataType, v)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Communication channels">
        {profile.commChannels.length ? (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {profile.commChannels.map((c) => (
              <li
                key={`${c.type}:${c.value}`}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm"
              >
                <span className="w-28 shrink-0 text-slate-500">{typeName(c.type)}</span>
                <span className="font-mono text-slate-900">{readableValue(c.type, c.value)}</span>
                {c.primary && <Badge>primary</Badge>}
                {c.verified && <Badge variant="success">verified</Badge>}
                {c.subscribed !== undefined && (
                  <Badge variant="neutral">{c.subscribed ? 'subscribed' : 'unsubscribed'}</Badge>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">None</p>
        )}
      </Section>
      <Section title="Custom fields">
        <DefinitionList items={fields} />
      </Section>
      <p className="text-xs text-slate-500 lg:col-span-2">
        Added <Moment iso={profile.attribution.createDate} /> by {profile.attribution.createdBy.code} (
        {profile.attribution.createdBy.type})
      </p>
    </div>
  );
}
