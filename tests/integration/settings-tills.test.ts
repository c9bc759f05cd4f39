// A till in Settings and its API client are one thing (issue 16): a till the API clients page adds while
// an admin has the Settings page open is not "removed" by that admin's save, which never listed it; a
// till removed on purpose that customers point at is still refused.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { tills } from '@/db/schema';
import { createClient } from '@/lib/admin/api-clients';
import { loadOrgConfig } from '@/lib/config/load';
import { saveOrgConfig, toSettingsInput } from '@/lib/config/save';
import { createTestOrg } from './test-org';

const actor = (n: string) => ({ type: 'STAFF' as const, code: 'admin@test.example', requestId: `it-tills-${n}` });

describe('Settings tills and API clients', () => {
  it('a save from a page opened before a till client was added keeps that till and succeeds', async () => {
    const org = await createTestOrg();
    const db = await getDb();
    // The admin opens Settings…
    const opened = toSettingsInput((await loadOrgConfig(db, org.orgId))!);
    // …meanwhile a till is added as an API client (the API clients page)…
    const key = `${org.code}.late.till`;
    await createClient(
      db,
      { orgId: org.orgId, type: 'STAFF', code: 'admin@test.example', requestId: 'it-c' },
      {
        kind: 'TILL',
        key,
        access: ['customers:write'],
      },
    );
    // …and the admin saves what they opened, with a change of their own.
    opened.mobile.maxLength = opened.mobile.maxLength - 1;
    const saved = await saveOrgConfig(db, org.orgId, opened, actor('1'));
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    expect(saved.data.settings.tills.map((t) => t.code)).toContain(key);
    expect(saved.data.changed).not.toContain('tills');
    expect(await db.select().from(tills).where(eq(tills.code, key))).toHaveLength(1);
    expect(saved.data.settings.mobile.maxLength).toBe(opened.mobile.maxLength);
  });

  it('a till without a client is still removed by leaving it out', async () => {
    const org = await createTestOrg();
    const db = await getDb();
    const s = toSettingsInput((await loadOrgConfig(db, org.orgId))!);
    const code = `${org.code}.plain`;
    s.tills.push({ id: null, code, name: 'Plain' });
    const added = await saveOrgConfig(db, org.orgId, s, actor('2'));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const without = { ...added.data.settings, tills: added.data.settings.tills.filter((t) => t.code !== code) };
    const removed = await saveOrgConfig(db, org.orgId, without, actor('3'));
    expect(removed).toMatchObject({ ok: true });
    expect(await db.select().from(tills).where(eq(tills.code, code))).toHaveLength(0);
  });
});
