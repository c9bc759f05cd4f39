import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { settingsChanges } from './settings-diff';
import { toSettingsInput } from './settings-input';

describe('settingsChanges (the audit summary)', () => {
  it('names nothing when nothing changed', () => {
    const s = toSettingsInput(orgConfigFixture());
    expect(settingsChanges(s, structuredClone(s))).toEqual({ sections: [] });
  });

  it('tells added, removed and renamed list entries apart, and scalar changes', () => {
    const before = toSettingsInput(
      orgConfigFixture({
        statusLabels: [
          { id: 1, name: 'Gold Member', status: 'ACTIVE' },
          { id: 2, name: 'On hold', status: 'SUSPENDED' },
        ],
      }),
    );
    const after = structuredClone(before);
    after.statusLabels = [
      { id: 1, name: 'Gold', status: 'ACTIVE' },
      { id: null, name: 'VIP', status: 'ACTIVE' },
    ];
    after.mandatoryIdentifierTypes = ['email'];
    after.rateLimitOverride = 50;
    const changes = settingsChanges(before, after);
    expect(changes.sections).toEqual(['mandatoryIdentifierTypes', 'statusLabels', 'rateLimitOverride']);
    expect(changes.statusLabels).toEqual({ added: ['VIP'], removed: ['On hold'], changed: ['Gold'] });
    expect(changes.mandatoryIdentifierTypes).toEqual({ from: [], to: ['email'] });
    expect(changes.rateLimitOverride).toEqual({ from: null, to: 50 });
  });
});
