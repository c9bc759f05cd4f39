import { describe, expect, it } from 'vitest';
import { toSettingsInput } from '@/lib/config/settings-input';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { describeSettingsChange } from './history-changes';

const before = () => toSettingsInput(orgConfigFixture());
const after = (edit: (s: SettingsInput) => void) => {
  const s = before();
  edit(s);
  return s;
};
const names = (id: number) => ({ 1: 'Gender', 7: 'Date of birth' })[id] ?? String(id);

describe('describeSettingsChange', () => {
  it('says nothing when nothing changed', () => {
    expect(describeSettingsChange(before(), before(), names)).toEqual([]);
  });

  it('names each changed setting with its value before and after, in the editor order', () => {
    const changes = describeSettingsChange(
      before(),
      after((s) => {
        s.rateLimitOverride = 300;
        s.mandatoryIdentifierTypes = ['email'];
        s.mobile.strict = true;
        s.mobile.defaultCountry = 'IN';
        s.extendedFields[0]!.mandatory = true;
      }),
      names,
    );
    expect(changes).toEqual([
      { setting: 'Mandatory identifier types', before: 'none', after: 'Email' },
      { setting: 'Default country', before: 'none', after: 'India (IN)' },
      { setting: 'Strict mobile checking', before: 'off', after: 'on' },
      { setting: 'Extended field Gender', before: 'optional, at the counter', after: 'mandatory, at the counter' },
      { setting: 'Rate limit override', before: 'none', after: '300 per minute' },
    ]);
  });

  it('lists entries added, removed and renamed; a renamed label is the same label', () => {
    const changes = describeSettingsChange(
      before(),
      after((s) => {
        s.statusLabels = [
          { id: 1, name: 'Gold', status: 'ACTIVE' },
          { id: 9, name: 'On hold', status: 'SUSPENDED' },
        ];
        s.tills = [];
        s.sources.find((x) => x.source === 'LINE')!.accounts.push({ accountId: '42', name: '' });
      }),
      names,
    );
    expect(changes).toEqual([
      {
        setting: 'Source LINE',
        before: 'on, accounts 2001914141242 (LINE)',
        after: 'on, accounts 2001914141242 (LINE), 42',
      },
      { setting: 'Status label', before: '“Gold Member” (Active)', after: '“Gold” (Active)' },
      { setting: 'Status label', before: 'none', after: '“On hold” (Suspended)' },
      { setting: 'Till', before: 'demo.till (demo.till)', after: 'none' },
    ]);
  });

  it('a source switched off, a program tier and a benefit', () => {
    const changes = describeSettingsChange(
      before(),
      after((s) => {
        s.sources.find((x) => x.source === 'WECHAT')!.enabled = false;
        s.programs[0]!.tiers.push({ number: 2, name: 'Gold' });
        s.programs[0]!.benefits.push({
          type: 'points',
          amount: 50,
          currencyIdentifier: '',
          currencyName: '',
          couponDescription: '',
          couponType: '',
          couponValidDays: null,
          discountCode: '',
        });
      }),
      names,
    );
    expect(changes).toEqual([
      { setting: 'Source WECHAT', before: 'on', after: 'off' },
      { setting: 'Tiers of program 469', before: '1 “Silver”', after: '1 “Silver”, 2 “Gold”' },
      { setting: 'Registration benefits of program 469', before: 'none', after: 'Bonus points: 50' },
    ]);
  });
});
