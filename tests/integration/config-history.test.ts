// The configuration history (the settings page's list of saves): every save's whole document before
// and after is kept in the audit log, read back newest first, a page at a time, for one org only.
import { randomInt } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeSettingsChange } from '@/components/settings/history-changes';
import { getDb } from '@/db/client';
import { loadOrgConfig } from '@/lib/config/load';
import { listConfigSaves } from '@/db/queries/settings';
import { staffUsers } from '@/db/schema';
import { saveOrgConfig, toSettingsInput } from '@/lib/config/save';
import { readConfigSave } from '@/lib/config/settings-history';
import type { SettingsInput } from '@/lib/config/settings-schema';
import { createTestOrg } from './test-org';

let org: Awaited<ReturnType<typeof createTestOrg>>;
let email: string;

beforeEach(async () => {
  org = await createTestOrg();
  email = `admin.${randomInt(1e9)}@history.example`;
  await (
    await getDb()
  )
    .insert(staffUsers)
    .values({ orgId: org.orgId, email, name: 'History Admin', role: 'admin', passwordHash: 'not-a-login' });
});

async function change(orgId: number, edit: (s: SettingsInput) => void, code = email) {
  const db = await getDb();
  const s = toSettingsInput((await loadOrgConfig(db, orgId))!);
  edit(s);
  const result = await saveOrgConfig(db, orgId, s, { type: 'STAFF', code, requestId: `it-history-${randomInt(1e9)}` });
  expect(result).toMatchObject({ ok: true });
}

/** One page of an org's history, as the page shows it: who, and each setting's words before and after. */
async function historyPage(orgId: number, limit: number, offset: number) {
  const { rows, total } = await listConfigSaves(await getDb(), orgId, { limit, offset });
  const saves = rows.map(readConfigSave).map((s) => ({
    by: s.by,
    changes: s.documents ? describeSettingsChange(s.documents.before, s.documents.after) : null,
  }));
  return { total, saves };
}

describe('the configuration history', () => {
  it('lists every save newest first, paged, with each changed setting before and after', async () => {
    for (const limit of [100, 200, 300]) {
      await change(org.orgId, (s) => {
        s.rateLimitOverride = limit;
      });
    }
    await change(org.orgId, (s) => {
      s.mandatoryIdentifierTypes = ['email'];
      s.rateLimitOverride = null;
    });

    const first = await historyPage(org.orgId, 2, 0);
    expect(first.total).toBe(4);
    expect(first.saves).toEqual([
      {
        by: `History Admin (${email})`,
        changes: [
          { setting: 'Mandatory identifier types', before: 'none', after: 'Email' },
          { setting: 'Rate limit override', before: '300 per minute', after: 'none' },
        ],
      },
      {
        by: `History Admin (${email})`,
        changes: [{ setting: 'Rate limit override', before: '200 per minute', after: '300 per minute' }],
      },
    ]);
    const second = await historyPage(org.orgId, 2, 2);
    expect(second.saves.map((s) => s.changes)).toEqual([
      [{ setting: 'Rate limit override', before: '100 per minute', after: '200 per minute' }],
      [{ setting: 'Rate limit override', before: 'none', after: '100 per minute' }],
    ]);
    expect((await historyPage(org.orgId, 2, 4)).saves).toEqual([]);
  });

  it("shows one org's saves only, and names an actor who is not its staff by code", async () => {
    const other = await createTestOrg();
    await change(other.orgId, (s) => {
      s.mobile.maxLength = 12;
    });
    await change(
      org.orgId,
      (s) => {
        s.mobile.minLength = 8;
      },
      'someone@elsewhere.example',
    );

    const mine = await historyPage(org.orgId, 10, 0);
    expect(mine).toEqual({
      total: 1,
      saves: [
        {
          by: 'someone@elsewhere.example',
          changes: [{ setting: 'Minimum mobile length', before: '6 digits', after: '8 digits' }],
        },
      ],
    });
    const theirs = await historyPage(other.orgId, 10, 0);
    expect(theirs.total).toBe(1);
    expect(theirs.saves[0]!.changes).toEqual([
      { setting: 'Maximum mobile length', before: '15 digits', after: '12 digits' },
    ]);
  });

  it('a status label added keeps its stored id in the document after, so a later rename reads as one label', async () => {
    await change(org.orgId, (s) => {
      s.statusLabels.push({ id: null, name: 'Fresh', status: 'ACTIVE' });
    });
    await change(org.orgId, (s) => {
      s.statusLabels[0]!.name = 'Renamed';
    });
    const { saves } = await historyPage(org.orgId, 10, 0);
    expect(saves.map((s) => s.changes)).toEqual([
      [{ setting: 'Status label', before: '“Fresh” (Active)', after: '“Renamed” (Active)' }],
      [{ setting: 'Status label', before: 'none', after: '“Fresh” (Active)' }],
    ]);
  });
});
