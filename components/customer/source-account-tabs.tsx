import type { ReactNode } from 'react';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { ProfileView } from '@/lib/customers/views';
import { orderProfiles, sourceAccountLabel } from './format';
import { ProfilePanel } from './profile-panel';
import type { CustomerPageLabels } from './types';

const keyOf = (p: ProfileView) => `${p.source}:${p.accountId}`;

/** One tab per source account, INSTORE first; `wrap` adds what the page offers around each account. */
export function SourceAccountTabs({
  profiles,
  labels,
  wrap = (_profile, panel) => panel,
}: {
  profiles: ProfileView[];
  labels: CustomerPageLabels;
  wrap?: (profile: ProfileView, panel: ReactNode) => ReactNode;
}) {
  const ordered = orderProfiles(profiles);
  const first = ordered[0];
  if (!first) return <p className="text-sm text-slate-500">No source accounts.</p>;
  return (
    <Tabs defaultValue={keyOf(first)}>
      <TabsList aria-label="Source accounts">
        {ordered.map((p) => (
          <TabsTrigger key={keyOf(p)} value={keyOf(p)}>
            {sourceAccountLabel(p.source, p.accountId)}
          </TabsTrigger>
        ))}
      </TabsList>
      {ordered.map((p) => (
        <TabsContent key={keyOf(p)} value={keyOf(p)}>
          {wrap(p, <ProfilePanel profile={p} labels={labels} />)}
        </TabsContent>
      ))}
    </Tabs>
  );
}
