import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from '@/lib/customers/fixtures/org-config';
import { isMultiAccountSource, SOURCES } from '@/lib/vocabulary';
import { emptyBenefit, toSettingsInput } from './settings-input';
import { SettingsSchema, type SettingsInput } from './settings-schema';

/** The demo-like fixture, every multi-account source with one account (LINE's is 2001914141242). */
const base = () =>
  toSettingsInput(
    orgConfigFixture({
      sources: SOURCES.map((source) => ({
        source,
        accounts: !isMultiAccountSource(source)
          ? []
          : [{ accountId: source === 'LINE' ? '2001914141242' : `${source.toLowerCase()}-1`, name: '' }],
      })),
    }),
  );

/** The problems of a document, as { 'path.to.field': message }. */
function problems(doc: unknown): Record<string, string> {
  const r = SettingsSchema.safeParse(doc);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const edit = (change: (s: SettingsInput) => void) => {
  const s = base();
  change(s);
  return s;
};

describe('settings schema', () => {
  it('accepts the configuration it was filled from, unchanged', () => {
    const doc = base();
    const r = SettingsSchema.safeParse(doc);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(doc);
  });

  it('parses its own output again to the same document (server re-validates what the form sent)', () => {
    const doc = edit((s) => {
      s.statusLabels.push({ id: null, name: '  VIP  ', status: 'ACTIVE' });
      s.mobile.defaultCountry = 'in';
    });
    const once = SettingsSchema.parse(doc);
    expect(once.statusLabels.at(-1)?.name).toBe('VIP');
    expect(once.mobile.defaultCountry).toBe('IN');
    expect(SettingsSchema.parse(once)).toEqual(once);
  });

  it.each<[string, (s: SettingsInput) => void, string, RegExp]>([
    [
      'primary identifier not allowed',
      (s) => {
        s.allowedIdentifierTypes = ['email'];
      },
      'primaryIdentifier',
      /allowed/,
    ],
    [
      'mandatory type not allowed',
      (s) => {
        s.allowedIdentifierTypes = ['mobile'];
        s.mandatoryIdentifierTypes = ['email'];
      },
      'mandatoryIdentifierTypes',
      /email/,
    ],
    [
      'mobile max below min',
      (s) => {
        s.mobile.minLength = 10;
        s.mobile.maxLength = 8;
      },
      'mobile.maxLength',
      /minimum/,
    ],
    [
      'an unknown country',
      (s) => {
        s.mobile.defaultCountry = 'XX';
      },
      'mobile.defaultCountry',
      /country code/,
    ],
    [
      'no source enabled',
      (s) => {
        s.sources.forEach((x) => {
          x.enabled = false;
        });
      },
      'sources',
      /at least one source/,
    ],
    [
      'a multi-account source without accounts',
      (s) => {
        s.sources.find((x) => x.source === 'LINE')!.accounts = [];
      },
      'sources.10.accounts',
      /LINE account/,
    ],
    [
      'an account listed twice',
      (s) => {
        s.sources[10]!.accounts.push({ accountId: '2001914141242', name: '' });
      },
      'sources.10.accounts.1.accountId',
      /twice/,
    ],
    [
      'two custom fields with one name',
      (s) => {
        s.customFields.push({ ...s.customFields[0]! });
      },
      'customFields.2.name',
      /this name/,
    ],
    [
      'an ENUM field without values',
      (s) => {
        s.customFields[0]!.dataType = 'ENUM';
      },
      'customFields.0.enumValues',
      /at least one value/,
    ],
    [
      'a default label that does not exist',
      (s) => {
        s.defaultStatusLabel = 'Platinum';
      },
      'defaultStatusLabel',
      /status labels/,
    ],
    [
      'two labels differing only in case',
      (s) => {
        s.statusLabels.push({ id: null, name: 'GOLD MEMBER', status: 'SUSPENDED' });
      },
      'statusLabels.1.name',
      /this name/,
    ],
    [
      'two DEFAULT programs',
      (s) => {
        s.programs.push({ ...s.programs[0]!, id: 470, name: 'Club' });
      },
      'programs.1.type',
      /one program/,
    ],
    [
      'a referral bonus on a SUPPLEMENTARY program',
      (s) => {
        s.programs[0]!.type = 'SUPPLEMENTARY';
      },
      'programs.0.referralBonusPoints',
      /DEFAULT/,
    ],
    [
      'a program without tiers',
      (s) => {
        s.programs[0]!.tiers = [];
      },
      'programs.0.tiers',
      /at least one tier/,
    ],
    [
      'two tiers with one number',
      (s) => {
        s.programs[0]!.tiers.push({ number: 1, name: 'Gold' });
      },
      'programs.0.tiers.1.number',
      /number/,
    ],
    [
      'an alternate currency without a name',
      (s) => {
        s.programs[0]!.benefits.push({ ...emptyBenefit('alternate_currency'), amount: 5, currencyIdentifier: 'x' });
      },
      'programs.0.benefits.0.currencyName',
      /currency name/,
    ],
    [
      'a coupon without validity',
      (s) => {
        s.programs[0]!.benefits.push({ ...emptyBenefit('coupon'), couponDescription: 'Welcome' });
      },
      'programs.0.benefits.0.couponValidDays',
      /days/,
    ],
    [
      'two card series with one id',
      (s) => {
        s.cardSeries.push({ id: 73, name: 'Other' });
      },
      'cardSeries.1.id',
      /this id/,
    ],
    [
      'two tills with one code',
      (s) => {
        s.tills.push({ id: null, code: 'demo.till', name: 'x' });
      },
      'tills.1.code',
      /this code/,
    ],
    [
      'a till code with a colon (Basic auth splits on it)',
      (s) => {
        s.tills[0]!.code = 'a:b';
      },
      'tills.0.code',
      /letters/,
    ],
    [
      'a custom field name with capitals',
      (s) => {
        s.customFields[0]!.name = 'Employee';
      },
      'customFields.0.name',
      /lowercase/,
    ],
    [
      'a rate limit of zero',
      (s) => {
        s.rateLimitOverride = 0;
      },
      'rateLimitOverride',
      /At least 1/,
    ],
  ])('refuses %s', (_, change, path, message) => {
    const found = problems(edit(change));
    expect(found[path], JSON.stringify(found)).toMatch(message);
  });

  it('allows no default label, an empty rate-limit override and a disabled multi-account source without accounts', () => {
    expect(
      problems(
        edit((s) => {
          s.defaultStatusLabel = '';
          s.rateLimitOverride = null;
          const line = s.sources.find((x) => x.source === 'LINE')!;
          line.enabled = false;
          line.accounts = [];
        }),
      ),
    ).toEqual({});
  });

  it('only lets mobile, email and externalId be mandatory', () => {
    expect(
      problems(
        edit((s) => {
          (s.mandatoryIdentifierTypes as string[]) = ['cardnumber'];
        }),
      ),
    ).toHaveProperty(['mandatoryIdentifierTypes.0']);
  });
});
