// A configuration changed by another process: this one's cache still has the old rows until NOTIFY
// arrives. A registration naming a row that is gone must answer its proper error, not a 500.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { customers, statusLabels } from '@/db/schema';
import { call, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

describe('a registration racing a configuration change', () => {
  it('answers 8086 for a status label deleted behind the cache', async () => {
    const org = await createTestOrg();
    const db = await getDb();
    await db.insert(statusLabels).values({ orgId: org.orgId, name: 'Fleeting', status: 'ACTIVE' });
    const register = () =>
      call(POST, {
        body: {
          profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
          statusLabel: 'Fleeting',
        },
        headers: { authorization: org.auth },
      });
    expect((await register()).status).toBe(200); // the label is now in this process's cache
    // Another process removes it (the customer above keeps none: drop it from them first).
    await db.update(customers).set({ statusLabelId: null }).where(eq(customers.orgId, org.orgId));
    await db.delete(statusLabels).where(and(eq(statusLabels.orgId, org.orgId), eq(statusLabels.name, 'Fleeting')));
    const res = await register();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      createdId: null,
      errors: [{ code: 8086, message: 'Status label passed is not valid' }],
    });
  });
});
