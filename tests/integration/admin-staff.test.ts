// Staff administration (api-contract §16): GET/POST /v2/staff, PATCH /v2/staff/{id},
// POST /v2/staff/{id}/resetPassword, with one-time passwords, 9701 and the last admin's 9702, and
// the admin log's entries for each.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as auditLog } from '@/app/v2/audit/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { PATCH as updateStaff } from '@/app/v2/staff/[id]/route';
import { POST as resetPassword } from '@/app/v2/staff/[id]/resetPassword/route';
import { GET as listStaff, POST as createStaff } from '@/app/v2/staff/route';
import { getDb } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { authorizeStaffSignIn } from '@/lib/auth/next-auth';
import { staffFromToken } from '@/lib/auth/staff-session';
import { call, newCustomerBody } from './helpers';
import { newAdminOrg, sessionHeaders } from './admin-helpers';

type Created = { id: number; oneTimePassword: string };
type Failure = { errors: { code: number; message: string; field?: string }[] };

const signIn = (email: string, password: string) =>
  authorizeStaffSignIn({ email, password }, { 'x-forwarded-for': `10.7.${Math.floor(Math.random() * 250)}.1` });

async function addStaff(headers: Record<string, string>, body: Record<string, unknown>) {
  return call<Created & Failure>(createStaff, { path: '/v2/staff', body, headers });
}
const patch = (headers: Record<string, string>, id: number, body: unknown) =>
  call<Record<string, unknown> & Failure>(updateStaff, {
    method: 'PATCH',
    path: `/v2/staff/${id}`,
    params: { id: String(id) },
    body,
    headers,
  });

describe('POST /v2/staff', () => {
  it('adds a staff member with a one-time password that signs in once and must then be replaced', async () => {
    const org = await newAdminOrg();
    const email = `clerk-${org.tag}@test.example`;
    const res = await addStaff(org.admin, { email: email.toUpperCase(), name: ' Sam Clerk ', role: 'staff' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'oneTimePassword']);
    expect(res.body.oneTimePassword.length).toBeGreaterThanOrEqual(16);

    const user = await signIn(email, res.body.oneTimePassword);
    expect(user).toMatchObject({ email, orgId: org.orgId, role: 'staff' });
    expect(await signIn(email, 'wrong-password')).toBeNull();

    // Signed in with the one-time password: nothing but choosing a new one.
    const headers = await sessionHeaders({ userId: res.body.id, orgId: org.orgId, role: 'staff', email });
    const token = decodeURIComponent(headers.cookie!.split('=')[1]!);
    expect(await staffFromToken(token)).toMatchObject({ mustChangePassword: true });
    expect((await call(registerCustomer, { body: newCustomerBody(), headers })).status).toBe(403);

    const list = await call<{ staff: Record<string, unknown>[] }>(listStaff, {
      method: 'GET',
      path: '/v2/staff',
      headers: org.admin,
    });
    expect(list.status).toBe(200);
    const row = list.body.staff.find((s) => s.id === res.body.id)!;
    expect(Object.keys(row).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'lastSignInAt', 'name', 'role']);
    expect(row).toMatchObject({ email, name: 'Sam Clerk', role: 'staff', active: true });
    expect(row.lastSignInAt).toEqual(expect.any(String));
    expect(JSON.stringify(list.body)).not.toContain(res.body.oneTimePassword);
  });

  it('refuses an email any org already has: 409, 9701', async () => {
    const org = await newAdminOrg();
    for (const email of ['STAFF@demo.example', org.adminEmail]) {
      const res = await addStaff(org.admin, { email, name: 'Dup', role: 'staff' });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 9701, field: 'email' })]);
    }
  });

  it('names every problem of a bad body', async () => {
    const org = await newAdminOrg();
    const res = await addStaff(org.admin, { email: 'not-an-email', role: 'root', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['body', 'email', 'name', 'role']);
  });
});

describe('PATCH /v2/staff/{id}', () => {
  it('renames, changes the role and deactivates, each in the admin log with before and after', async () => {
    const org = await newAdminOrg();
    const email = `sup-${org.tag}@test.example`;
    const { body } = await addStaff(org.admin, { email, name: 'Sue', role: 'staff' });
    const res = await patch(org.admin, body.id, { name: 'Sue Pervisor', role: 'supervisor' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: body.id, name: 'Sue Pervisor', role: 'supervisor', active: true });
    expect((await patch(org.admin, body.id, { active: false })).body).toMatchObject({ active: false });
    // Deactivated: the one-time password no longer signs in.
    expect(await signIn(email, body.oneTimePassword)).toBeNull();

    const log = await call<{ entries: { action: string; target: string; changes: unknown[] }[] }>(auditLog, {
      method: 'GET',
      path: '/v2/audit',
      headers: org.admin,
    });
    expect(log.body.entries.slice(0, 3)).toEqual([
      expect.objectContaining({
        action: 'staff.update',
        target: `staff:${body.id}`,
        changes: [{ path: 'active', before: true, after: false }],
      }),
      expect.objectContaining({
        action: 'staff.update',
        changes: [
          { path: 'name', before: 'Sue', after: 'Sue Pervisor' },
          { path: 'role', before: 'staff', after: 'supervisor' },
        ],
      }),
      expect.objectContaining({ action: 'staff.create', target: `staff:${body.id}` }),
    ]);
    expect(JSON.stringify(log.body)).not.toContain(body.oneTimePassword);
  });

  it('protects the last active admin: neither demoted nor deactivated (409, 9702), until there is another', async () => {
    const org = await newAdminOrg();
    for (const change of [{ role: 'staff' }, { active: false }, { role: 'supervisor', active: false }]) {
      const res = await patch(org.admin, org.adminId, change);
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 9702 })]);
    }
    const second = await addStaff(org.admin, { email: `second-${org.tag}@test.example`, name: 'Two', role: 'admin' });
    expect((await patch(org.admin, second.body.id, { active: false })).status).toBe(200);
    expect((await patch(org.admin, org.adminId, { role: 'staff' })).status).toBe(409);
    expect((await patch(org.admin, second.body.id, { active: true })).status).toBe(200);
    expect((await patch(org.admin, org.adminId, { role: 'staff' })).status).toBe(200);
  });

  it('answers 404 for an unknown id, another org’s staff member, and an id that is not one', async () => {
    const org = await newAdminOrg();
    const db = await getDb();
    const [demoStaff] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'staff@demo.example'));
    for (const id of [2_000_000_000, demoStaff!.id]) {
      expect((await patch(org.admin, id, { name: 'X' })).status).toBe(404);
    }
    const notAnId = await call(updateStaff, {
      method: 'PATCH',
      path: '/v2/staff/abc',
      params: { id: 'abc' },
      body: {},
      headers: org.admin,
    });
    expect(notAnId.status).toBe(404);
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const org = await newAdminOrg();
    const second = await addStaff(org.admin, { email: `pair-${org.tag}@test.example`, name: 'Pair', role: 'admin' });
    const results = await Promise.all([
      patch(org.admin, org.adminId, { role: 'staff' }),
      patch(org.admin, second.body.id, { role: 'staff' }),
    ]);
    // One wins; the other is refused: 9702, or 403 when the caller's own demotion was seen first.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const db = await getDb();
    const admins = await db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.orgId, org.orgId), eq(staffUsers.role, 'admin')));
    expect(admins).toHaveLength(1);
  });
});

describe('POST /v2/staff/{id}/resetPassword', () => {
  it('gives a new one-time password; the old password stops working at once', async () => {
    const org = await newAdminOrg();
    const email = `reset-${org.tag}@test.example`;
    const { body } = await addStaff(org.admin, { email, name: 'Reset Me', role: 'staff' });
    const res = await call<{ oneTimePassword: string }>(resetPassword, {
      path: `/v2/staff/${body.id}/resetPassword`,
      params: { id: String(body.id) },
      headers: org.admin,
    });
    expect(res.status).toBe(200);
    expect(res.body.oneTimePassword).not.toBe(body.oneTimePassword);
    expect(await signIn(email, body.oneTimePassword)).toBeNull();
    expect(await signIn(email, res.body.oneTimePassword)).toMatchObject({ email });
    const unknown = await call(resetPassword, {
      path: `/v2/staff/${2_000_000_000}/resetPassword`,
      params: { id: String(2_000_000_000) },
      headers: org.admin,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('who may', () => {
  it('a supervisor, staff or a till is refused (403); only an admin acts, in its own org', async () => {
    const org = await newAdminOrg();
    const email = `who-${randomUUID()}@test.example`;
    const { body } = await addStaff(org.admin, { email, name: 'Who', role: 'supervisor' });
    const db = await getDb();
    await db.update(staffUsers).set({ mustChangePassword: false }).where(eq(staffUsers.id, body.id));
    const supervisor = await sessionHeaders({ userId: body.id, orgId: org.orgId, role: 'supervisor', email });
    expect((await call(listStaff, { method: 'GET', path: '/v2/staff', headers: supervisor })).status).toBe(403);
    expect((await call(registerCustomer, { body: newCustomerBody(), headers: supervisor })).status).toBe(200);
  });
});
