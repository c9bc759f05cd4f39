// The Registration Configuration editor's save (lib/config/save.ts) against a real database: every
// change applies to the very next API request of the same process, refusals name the row in use,
// and each save bumps the version, writes an audit row and NOTIFYs the other processes.
// Throwaway orgs only: the demo org other files rely on is never touched.
import { and, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getCustomer } from '@/app/v2/customers/[id]/route';
import { POST } from '@/app/v2/customers/route';
import { GET as getExtended } from '@/app/v2/extendedFields/route';
import { getDb, getHandle } from '@/db/client';
import { loadOrgConfig } from '@/lib/config/load';
import { auditLog, orgs, staffUsers } from '@/db/schema';
import { getStaffSession, type StaffSession } from '@/lib/auth/require-staff';
import { CONFIG_CHANNEL, getOrgConfig } from '@/lib/config/cache';
import { saveOrgConfig, toSettingsInput } from '@/lib/config/save';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { call, uniqueEmail, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

// The action reads the session through this module (Next's cookies); the test plays the session.
vi.mock('@/lib/auth/require-staff', () => ({ getStaffSession: vi.fn() }));

type Answer = { createdId: number | null; warnings: { code: number }[]; errors?: { code: number; message: string }[] };

let org: Awaited<ReturnType<typeof createTestOrg>>;
let requests = 0;
const actor = () => ({ type: 'STAFF' as const, code: 'admin@test.example', requestId: `it-settings-${++requests}` });

beforeEach(async () => {
  org = await createTestOrg();
});

async function current(orgId = org.orgId): Promise<SettingsInput> {
  return toSettingsInput((await loadOrgConfig(await getDb(), orgId))!);
}

/** Edits the stored settings and saves them as an admin would. */
async function change(edit: (s: SettingsInput) => void, orgId = org.orgId) {
  const s = await current(orgId);
  edit(s);
  return saveOrgConfig(await getDb(), orgId, s, actor());
}

const register = (profile: Record<string, unknown> = {}, top: Record<string, unknown> = {}) =>
  call<Answer>(POST, {
    body: {
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }], ...profile }],
      ...top,
    },
    headers: { authorization: org.auth },
  });

const codes = (a: { body: Answer }) => (a.body.errors ?? []).map((e) => e.code);

describe('a saved configuration applies to the very next request', () => {
  it('mandatory email: 1039 without one, success with one', async () => {
    expect((await register()).status).toBe(200); // the old configuration is now cached
    expect(
      await change((s) => {
        s.mandatoryIdentifierTypes = ['email'];
      }),
    ).toMatchObject({ ok: true });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual([1039]);
    const ok = await register({
      identifiers: [
        { type: 'mobile', value: uniqueMobile() },
        { type: 'email', value: uniqueEmail() },
      ],
    });
    expect(ok.status).toBe(200);
  });

  it('a default status label: warning 8107 before, none after', async () => {
    expect((await register()).body.warnings.map((w) => w.code)).toContain(8107);
    const saved = await change((s) => {
      s.statusLabels = [{ id: null, name: 'Member', status: 'ACTIVE' }];
      s.defaultStatusLabel = 'member';
    });
    expect(saved).toMatchObject({ ok: true });
    const after = await register();
    expect(after.status).toBe(200);
    expect(after.body.warnings.map((w) => w.code)).not.toContain(8107);
    expect((await getOrgConfig(org.orgId))?.defaultStatusLabelId).toBe(
      (await getOrgConfig(org.orgId))?.statusLabels[0]?.id,
    );
  });

  it('a mandatory extended field (gender): 91016', async () => {
    expect((await register()).status).toBe(200);
    expect(
      await change((s) => {
        s.extendedFields.find((f) => f.id === 1)!.mandatory = true;
      }),
    ).toMatchObject({ ok: true });
    const refused = await register();
    expect(codes(refused)).toEqual([91016]);
    expect(refused.body.errors?.[0]?.message).toBe('Extended field gender is mandatory');
    expect((await register({}, { extendedFields: { gender: 'Female' } })).status).toBe(200);
  });

  it("field labels and the counter: the form's config and GET /v2/extendedFields show them at once", async () => {
    expect(
      await change((s) => {
        s.customFields = [
          {
            name: 'store_code',
            label: 'Store code',
            dataType: 'STRING',
            enumValues: [],
            mandatory: false,
            atCounter: true,
          },
        ];
        const gender = s.extendedFields.find((f) => f.id === 1)!;
        gender.label = 'Sex';
        gender.atCounter = true;
      }),
    ).toMatchObject({ ok: true });
    const config = (await getOrgConfig(org.orgId))!;
    expect(config.customFields).toMatchObject([{ name: 'store_code', label: 'Store code', atCounter: true }]);
    const gender = config.extendedFields.customer.find((f) => f.id === 1)!;
    expect(gender).toMatchObject({ label: 'Sex', catalogueLabel: 'Gender', atCounter: true });
    expect(config.extendedFields.customer.find((f) => f.id === 7)).toMatchObject({
      label: 'Date of birth',
      atCounter: false,
    });
    const listed = await call<{ entity: { customer: { id: number; label: string; atCounter: boolean }[] } }>(
      getExtended,
      {
        method: 'GET',
        path: '/v2/extendedFields',
        headers: { authorization: org.auth },
      },
    );
    expect(listed.body.entity.customer.find((f) => f.id === 1)).toMatchObject({ label: 'Sex', atCounter: true });
    // The editor's document gives the label back; an empty label (or the platform's own) means the platform's.
    const again = await current();
    expect(again.extendedFields.find((f) => f.id === 1)).toMatchObject({ label: 'Sex', atCounter: true });
    expect(
      await change((s) => {
        s.extendedFields.find((f) => f.id === 1)!.label = 'Gender';
      }),
    ).toMatchObject({ ok: true });
    expect((await current()).extendedFields.find((f) => f.id === 1)!.label).toBe('');
    expect((await getOrgConfig(org.orgId))!.extendedFields.customer.find((f) => f.id === 1)!.label).toBe('Gender');
  });

  it('a disabled source: 3217', async () => {
    expect((await register({ source: 'WEBSITE' })).status).toBe(200);
    expect(
      await change((s) => {
        s.sources.find((x) => x.source === 'WEBSITE')!.enabled = false;
      }),
    ).toMatchObject({ ok: true });
    const refused = await register({ source: 'WEBSITE' });
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual([3217]);
  });

  it('a new multi-account source and its account: accepted at once, other accounts 8127', async () => {
    expect(codes(await register({ source: 'LINE', accountId: 'line-1' }))).toEqual([3217]);
    expect(
      await change((s) => {
        const line = s.sources.find((x) => x.source === 'LINE')!;
        line.enabled = true;
        line.accounts = [{ accountId: 'line-1', name: 'Main channel' }];
      }),
    ).toMatchObject({ ok: true });
    expect((await register({ source: 'LINE', accountId: 'line-1' })).status).toBe(200);
    expect(codes(await register({ source: 'LINE', accountId: 'line-2' }))).toEqual([8127]);
  });

  it('a rate-limit override: the configuration and the next response show it', async () => {
    expect((await register()).headers.get('ratelimit-limit')).toBeNull(); // region US: no limit
    expect(
      await change((s) => {
        s.rateLimitOverride = 250;
      }),
    ).toMatchObject({ ok: true });
    expect((await getOrgConfig(org.orgId))?.rateLimitOverride).toBe(250);
    expect((await register()).headers.get('ratelimit-limit')).toBe('250');
    expect(
      await change((s) => {
        s.rateLimitOverride = null;
      }),
    ).toMatchObject({ ok: true });
    expect((await getOrgConfig(org.orgId))?.rateLimitOverride).toBeNull();
  });
});

describe('saving', () => {
  it('bumps config_version and writes an audit row naming the actor, the request and what changed', async () => {
    const db = await getDb();
    const [before] = await db.select({ v: orgs.configVersion }).from(orgs).where(eq(orgs.id, org.orgId));
    const who = actor();
    const result = await saveOrgConfig(
      db,
      org.orgId,
      {
        ...(await current()),
        rateLimitOverride: 90,
        customFields: [
          {
            name: 'store_code',
            label: 'Store code',
            dataType: 'ENUM',
            enumValues: ['A1', 'B2'],
            mandatory: true,
            atCounter: false,
          },
        ],
      },
      who,
    );
    expect(result).toMatchObject({
      ok: true,
      data: { version: before!.v + 1, changed: ['customFields', 'rateLimitOverride'] },
    });
    const [after] = await db.select({ v: orgs.configVersion }).from(orgs).where(eq(orgs.id, org.orgId));
    expect(after!.v).toBe(before!.v + 1);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'config.update')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({
      outcome: 'success',
      actorType: 'STAFF',
      actorCode: 'admin@test.example',
      requestId: who.requestId,
      customerId: null,
      details: {
        version: before!.v + 1,
        sections: ['customFields', 'rateLimitOverride'],
        customFields: { added: ['store_code'], removed: [], changed: [] },
        rateLimitOverride: { from: null, to: 90 },
      },
    });
    expect(codes(await register())).toEqual([8112]); // and the new mandatory custom field applies
  });

  it('NOTIFYs org_config with the org id, so other processes drop their cached copy', async () => {
    const heard: string[] = [];
    await (await getHandle()).listen(CONFIG_CHANNEL, (payload) => heard.push(payload));
    expect(
      await change((s) => {
        s.mobile.maxLength = 14;
      }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => heard, { timeout: 5000 }).toContain(String(org.orgId));
  });

  it('returns the stored document: new labels and tills get ids, so saving it again changes nothing', async () => {
    const result = await change((s) => {
      s.statusLabels = [
        { id: null, name: 'Gold', status: 'ACTIVE' },
        { id: null, name: 'Silver', status: 'ACTIVE' },
      ];
      s.tills.push({ id: null, code: `${org.code}.second`, name: 'Second till' });
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.settings.statusLabels.every((l) => l.id !== null)).toBe(true);
    expect(result.data.settings.tills.every((t) => t.id !== null)).toBe(true);
    const again = await saveOrgConfig(await getDb(), org.orgId, result.data.settings, actor());
    expect(again).toMatchObject({ ok: true, data: { changed: [] } });
  });

  it('renames labels in place: two labels can swap names and customers keep theirs', async () => {
    await change((s) => {
      s.statusLabels = [
        { id: null, name: 'Gold', status: 'ACTIVE' },
        { id: null, name: 'Silver', status: 'ACTIVE' },
      ];
    });
    const created = await register({}, { statusLabel: 'Gold' });
    expect(created.status).toBe(200);
    const swapped = await change((s) => {
      s.statusLabels = s.statusLabels.map((l) => ({ ...l, name: l.name === 'Gold' ? 'Silver' : 'Gold' }));
    });
    expect(swapped).toMatchObject({ ok: true });
    const labels = (await getOrgConfig(org.orgId))!.statusLabels;
    expect(labels.map((l) => l.name)).toEqual(['Silver', 'Gold']);
    // The customer keeps the label row it had, now called Silver.
    const id = String(created.body.createdId);
    const read = await call<{ statusLabel: string }>(getCustomer, {
      method: 'GET',
      path: `/v2/customers/${id}`,
      params: { id },
      headers: { authorization: org.auth },
    });
    expect(read.body.statusLabel).toBe('Silver');
  });

  it('rejects an invalid document with field errors and writes nothing', async () => {
    const version = (await getOrgConfig(org.orgId))!.version;
    const result = await change((s) => {
      s.mandatoryIdentifierTypes = ['email'];
      s.allowedIdentifierTypes = ['mobile'];
      s.defaultStatusLabel = 'Nope';
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { mandatoryIdentifierTypes: expect.stringMatching(/email/), defaultStatusLabel: expect.any(String) },
    });
    expect((await loadOrgConfig(await getDb(), org.orgId))!.version).toBe(version);
  });
});

describe('the time zone', () => {
  it("is stored as an IANA name, empty for the browser's, and an unknown one is refused", async () => {
    expect(await change((s) => void (s.timeZone = 'Asia/Kolkata'))).toMatchObject({ ok: true });
    expect((await getOrgConfig(org.orgId))!.timeZone).toBe('Asia/Kolkata');
    expect((await current()).timeZone).toBe('Asia/Kolkata');
    const refused = await change((s) => void (s.timeZone = 'Mars/Olympus_Mons'));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.stringMatching(/time zone/) } });
    expect((await getOrgConfig(org.orgId))!.timeZone).toBe('Asia/Kolkata');
    expect(await change((s) => void (s.timeZone = ''))).toMatchObject({ ok: true });
    expect((await getOrgConfig(org.orgId))!.timeZone).toBeNull();
  });
});

describe('refusing to remove what customers use', () => {
  it('keeps a status label that customers have, says which, and saves nothing', async () => {
    await change((s) => {
      s.statusLabels = [
        { id: null, name: 'Member', status: 'ACTIVE' },
        { id: null, name: 'Unused', status: 'SUSPENDED' },
      ];
    });
    expect((await register({}, { statusLabel: 'Member' })).status).toBe(200);
    const version = (await getOrgConfig(org.orgId))!.version;
    const result = await change((s) => {
      s.statusLabels = [];
      s.rateLimitOverride = 42;
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { statusLabels: expect.stringContaining('"Member"') } });
    if (result.ok) return;
    expect(result.fieldErrors.statusLabels).not.toContain('Unused');
    const after = (await loadOrgConfig(await getDb(), org.orgId))!;
    expect(after.version).toBe(version);
    expect(after.statusLabels.map((l) => l.name)).toEqual(['Member', 'Unused']);
    expect(after.rateLimitOverride).toBeNull();
  });

  it('keeps a loyalty tier with enrolments; a till with an API client is not removed by leaving it out', async () => {
    await change((s) => {
      s.programs = [
        {
          id: 901,
          name: 'Club',
          type: 'DEFAULT',
          referralBonusPoints: null,
          tiers: [
            { number: 1, name: 'Base' },
            { number: 2, name: 'Gold' },
          ],
          benefits: [],
        },
      ];
    });
    expect((await register({}, { loyaltyProgramEnrollments: [{ programId: 901, tierNumber: 2 }] })).status).toBe(200);
    const result = await change((s) => {
      s.programs[0]!.tiers = [{ number: 1, name: 'Base' }];
      s.tills = [];
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { 'programs.0.tiers': expect.stringContaining('Tier 2 "Gold"') },
    });
    if (result.ok) return;
    expect(result.fieldErrors).not.toHaveProperty('tills');
    // The till is its API client's (the API clients page adds and revokes it): a document without it keeps it.
    const kept = await change((s) => {
      s.tills = [];
    });
    expect(kept).toMatchObject({ ok: true });
    if (kept.ok) expect(kept.data.settings.tills.map((t) => t.code)).toEqual([`${org.code}.till`]);
  });

  it('refuses a till code another org uses, on that row', async () => {
    const other = await createTestOrg();
    const result = await change((s) => {
      s.tills.push({ id: null, code: `${other.code}.till`, name: 'Borrowed' });
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { 'tills.1.code': expect.stringMatching(/another organisation/i) },
    });
  });

  it("refuses to change a stored till's code (API clients sign in with it)", async () => {
    const result = await change((s) => {
      s.tills[0]!.code = `${org.code}.renamed`;
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { 'tills.0.code': expect.stringMatching(/cannot change/) },
    });
  });
});

describe('the server action', () => {
  async function staffOf(role: 'admin' | 'staff', sessionRole = role): Promise<StaffSession> {
    const email = `${role}-${++requests}-${org.code}@test.example`;
    const [row] = await (
      await getDb()
    )
      .insert(staffUsers)
      .values({ orgId: org.orgId, email, name: role, role, passwordHash: 'not-a-login' })
      .returning({ id: staffUsers.id });
    return { userId: row!.id, orgId: org.orgId, role: sessionRole, name: role, email, mustChangePassword: false };
  }
  const act = async (session: StaffSession | null, input: unknown) => {
    vi.mocked(getStaffSession).mockResolvedValue(session);
    const { saveRegistrationSettings } = await import('@/app/member-care/ui/settings/registration/actions');
    return saveRegistrationSettings(input);
  };

  it('refuses the signed out, store staff and an admin demoted since signing in; nothing changes', async () => {
    const input = { ...(await current()), rateLimitOverride: 7 };
    expect(await act(null, input)).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
    expect(await act(await staffOf('staff'), input)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only admins/i),
    });
    expect(await act(await staffOf('staff', 'admin'), input)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only admins/i),
    });
    expect((await loadOrgConfig(await getDb(), org.orgId))!.rateLimitOverride).toBeNull();
  });

  it("saves the session's org only, whatever org the payload names", async () => {
    const other = await createTestOrg();
    const input = { ...(await current()), rateLimitOverride: 77, orgId: other.orgId };
    expect(await act(await staffOf('admin'), input)).toMatchObject({ ok: true });
    expect((await loadOrgConfig(await getDb(), org.orgId))!.rateLimitOverride).toBe(77);
    expect((await loadOrgConfig(await getDb(), other.orgId))!.rateLimitOverride).toBeNull();
  });

  it('answers field errors for an invalid document', async () => {
    const result = await act(await staffOf('admin'), { ...(await current()), primaryIdentifier: 'fax' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { primaryIdentifier: expect.any(String) } });
  });
});
