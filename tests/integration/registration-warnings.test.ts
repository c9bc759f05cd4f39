// Every warning of the catalogue: the request succeeds, the warning says what was dropped or ignored.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/v2/customers/route';
import { call, DEMO_TILL, uniqueEmail, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

type Message = { status: boolean; code: number; message: string };
type Success = { createdId: number; warnings: Message[]; sideEffects: Record<string, unknown>[] };

const person = (identifiers: unknown[], extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  profiles: [{ firstName: 'Ada', source: 'INSTORE', identifiers, ...extra }],
  statusLabel: 'active-1', // keeps 8107 out of the way
  ...top,
});
const mobile = () => ({ type: 'mobile', value: uniqueMobile() });

let emailPrimaryOrg: Awaited<ReturnType<typeof createTestOrg>>;
beforeAll(async () => {
  emailPrimaryOrg = await createTestOrg({ primaryIdentifier: 'email' });
});

interface Case {
  name: string;
  auth?: () => string;
  body: () => unknown;
  codes: number[];
  message?: string;
}

const cases: Case[] = [
  {
    name: 'no status label and no default label',
    body: () => ({ profiles: [{ source: 'INSTORE', identifiers: [mobile()] }] }),
    codes: [8107],
    message: 'Default customer status label not set',
  },
  {
    name: 'an invalid secondary email',
    body: () => person([mobile(), { type: 'email', value: 'ada@@example' }]),
    codes: [8055],
    message: 'Invalid email id',
  },
  {
    name: 'an invalid secondary mobile',
    auth: () => emailPrimaryOrg.auth,
    body: () => ({
      profiles: [
        {
          source: 'INSTORE',
          identifiers: [
            { type: 'email', value: uniqueEmail() },
            { type: 'mobile', value: '12ab' },
          ],
        },
      ],
    }),
    codes: [8056, 8107],
    message: 'Invalid mobile number',
  },
  {
    name: 'an invalid email channel',
    body: () => person([mobile()], { commChannels: [{ type: 'email', value: 'nope' }] }),
    codes: [8057],
    message: 'Invalid email in communication channel',
  },
  {
    name: 'an invalid mobile channel',
    body: () => person([mobile()], { commChannels: [{ type: 'mobile', value: '12' }] }),
    codes: [8058],
    message: 'Invalid mobile in communication channel',
  },
  {
    name: 'a secondary external id over 255 characters',
    body: () => person([mobile(), { type: 'externalId', value: 'x'.repeat(256) }]),
    codes: [8064],
    message: 'External id validation failed',
  },
  {
    name: 'an unknown associatedWith till',
    body: () => person([mobile()], {}, { associatedWith: 'nowhere.till' }),
    codes: [8077],
    message: 'Invalid associatedWith till: nowhere.till',
  },
  {
    name: 'a supplementary program expiring before its points',
    body: () =>
      person(
        [mobile()],
        {},
        {
          loyaltyProgramEnrollments: [
            {
              programId: 470,
              tierNumber: 1,
              tierExpiryDate: '2025-01-01T00:00:00+05:30',
              pointsExpiryDate: '2026-01-01T00:00:00+05:30',
            },
          ],
        },
      ),
    codes: [1302],
    message: 'supplementary program expiry is before membership expiry',
  },
  {
    name: 'an unknown custom field',
    body: () => person([mobile()], { fields: { shoe_size: '42' } }),
    codes: [8116],
    message: 'Unknown custom field shoe_size ignored',
  },
  {
    name: 'an extended field outside the org verticals',
    body: () => person([mobile()], {}, { extendedFields: { room_preference: 'sea view' } }),
    codes: [8117],
    message: 'Extended field room_preference is not enabled for this org; ignored',
  },
  {
    name: 'an unknown referral code',
    body: () => person([mobile()], {}, { referralCode: 'NOSUCH' }),
    codes: [8118],
    message: 'Referral code NOSUCH not found; ignored',
  },
  {
    name: 'a first name over 100 characters',
    body: () => person([mobile()], { firstName: 'A'.repeat(101) }),
    codes: [8119],
    message: 'firstName truncated to 100 characters',
  },
  {
    name: 'an empty secondary identifier',
    body: () => person([mobile(), { type: 'cuid', value: '   ' }]),
    codes: [8122],
    message: 'Invalid identifier cuid dropped',
  },
  {
    name: 'enrolments for a non-loyalty customer',
    body: () =>
      person(
        [mobile()],
        {},
        {
          loyaltyInfo: { loyaltyType: 'non_loyalty' },
          loyaltyProgramEnrollments: [{ programId: 469, loyaltyPoints: 10 }],
        },
      ),
    codes: [8124],
    message: 'Loyalty enrolments ignored for a non-loyalty customer',
  },
];

describe('POST /v2/customers succeeds with the catalogued warning', () => {
  it.each(cases)('$name → $codes', async (c) => {
    const res = await call<Success>(POST, { body: c.body(), headers: { authorization: c.auth?.() ?? DEMO_TILL } });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
    expect(res.body.warnings.map((w) => w.code)).toEqual(c.codes);
    expect(res.body.warnings.every((w) => w.status === false)).toBe(true);
    if (c.message) expect(res.body.warnings[0]?.message).toBe(c.message);
  });

  it('keeps names of any script, cut by code points, not bytes', async () => {
    const res = await call<Success>(POST, {
      body: person([mobile()], { firstName: '太郎'.repeat(60), lastName: "O'Brien-Núñez" }),
      headers: { authorization: DEMO_TILL },
    });
    expect(res.body.warnings).toEqual([
      { status: false, code: 8119, message: 'firstName truncated to 100 characters' },
    ]);
  });
});
