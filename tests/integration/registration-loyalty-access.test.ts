// Points, tiers and expiries are for admins (docs/api.md, "Loyalty side effects"): a staff member who
// is not an admin enrols at tier 1 with nothing else, or is refused whole with 8150; an admin and API
// clients set them.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/v2/customers/route';
import { execRows, getDb } from '@/db/client';
import { orgs, staffUsers } from '@/db/schema';
import type { StaffRole } from '@/lib/vocabulary';
import { sessionHeaders } from './admin-helpers';
import { call, DEMO_TILL, uniqueMobile } from './helpers';

type Answer = { createdId: number | null; errors?: { code: number }[] };

let staff: Record<string, string>;
let admin: Record<string, string>;

async function sessionOf(email: string, role: StaffRole): Promise<Record<string, string>> {
  const db = await getDb();
  const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'demo'));
  const [user] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, org!.id), eq(staffUsers.email, email)));
  return sessionHeaders({ userId: user!.id, orgId: org!.id, role, email });
}

beforeAll(async () => {
  staff = await sessionOf('staff@demo.example', 'staff');
  admin = await sessionOf('admin@demo.example', 'admin');
});

const body = (mobile: string, enrolment: Record<string, unknown>) => ({
  profiles: [
    { firstName: 'Loyal', lastName: 'Clerk', source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] },
  ],
  loyaltyProgramEnrollments: [{ programId: 469, ...enrolment }],
});

async function customersWith(mobile: string): Promise<number> {
  const [row] = await execRows<{ n: number | string }>(
    await getDb(),
    sql`select count(*) as n from identity_keys where type = 'mobile' and value = ${mobile}`,
  );
  return Number(row?.n);
}

describe('enrolment details at registration', () => {
  it.each([
    ['points', { loyaltyPoints: 50 }],
    ['a tier other than 1', { tierNumber: 2 }],
    ['a tier expiry', { tierExpiryDate: '2030-01-01T00:00:00+05:30' }],
    ['a points expiry', { pointsExpiryDate: '2030-01-01T00:00:00+05:30' }],
  ])('refuses a staff member who sets %s: 403, 8150, nothing written', async (_what, enrolment) => {
    const mobile = uniqueMobile();
    const res = await call<Answer>(POST, { body: body(mobile, enrolment), headers: staff });
    expect(res.status).toBe(403);
    expect(res.body.errors?.map((e) => e.code)).toEqual([8150]);
    expect(await customersWith(mobile)).toBe(0);
  });

  it('lets a staff member enrol at tier 1 with no points and no expiry dates', async () => {
    const res = await call<Answer>(POST, {
      body: body(uniqueMobile(), { tierNumber: 1, loyaltyPoints: 0 }),
      headers: staff,
    });
    expect(res.status).toBe(200);
    expect(res.body.createdId).toBeGreaterThan(0);
  });

  it('lets an admin and an API client set points, tier and expiry dates', async () => {
    const details = { tierNumber: 2, loyaltyPoints: 75, tierExpiryDate: '2030-01-01T00:00:00+05:30' };
    const byAdmin = await call<Answer>(POST, { body: body(uniqueMobile(), details), headers: admin });
    expect(byAdmin.status).toBe(200);
    const byTill = await call<Answer>(POST, {
      body: body(uniqueMobile(), details),
      headers: { authorization: DEMO_TILL },
    });
    expect(byTill.status).toBe(200);
  });
});
