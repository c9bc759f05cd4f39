// npm run org:create (api-contract §16, "An org without SQL"): the script itself, run against this
// run's database (PostgreSQL), against a new embedded database folder of its own (PGlite: one process
// per folder; on either suite) and against a new empty PostgreSQL database (on PostgreSQL). The new admin signs in with the printed one-time password, must choose a new
// one, then administers the org; the default configuration registers a customer.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { POST as createClient } from '@/app/v2/apiClients/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { GET as listStaff } from '@/app/v2/staff/route';
import { getDb } from '@/db/client';
import { orgs } from '@/db/schema';
import { changeOwnPassword } from '@/lib/admin/own-account';
import { authorizeStaffSignIn } from '@/lib/auth/next-auth';
import { basicAuth, call, uniqueEmail, uniqueMobile } from './helpers';
import { sessionHeaders } from './admin-helpers';

const run = promisify(execFile);
const onPostgres = Boolean(process.env.DATABASE_URL);

async function orgCreate(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'org:create', '--', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const passwordOf = (stdout: string) => /one-time password[^:]*: (\S+)/.exec(stdout)?.[1];

describe.runIf(onPostgres)('npm run org:create on PostgreSQL', () => {
  it('creates an org whose first admin signs in, chooses a password and runs the org', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `first-${tag}@acme.example`;
    const out = await orgCreate(['--name', `Acme ${tag}`, '--region', 'EMEA', '--admin-email', email]);
    expect(out.code, out.stderr).toBe(0);
    const oneTimePassword = passwordOf(out.stdout)!;
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const user = await authorizeStaffSignIn({ email, password: oneTimePassword }, { 'x-forwarded-for': '10.6.0.1' });
    expect(user).toMatchObject({ email, role: 'admin' });
    const session = await sessionHeaders({ userId: user!.userId, orgId: user!.orgId, role: 'admin', email });
    // First the new password: until then the admin may do nothing else.
    expect((await call(listStaff, { method: 'GET', path: '/v2/staff', headers: session })).status).toBe(403);
    const weak = await changeOwnPassword(
      await getDb(),
      { orgId: user!.orgId, userId: user!.userId, requestId: 'test' },
      { currentPassword: oneTimePassword, newPassword: 'Password1234' },
    );
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(String) } });
    const changed = await changeOwnPassword(
      await getDb(),
      { orgId: user!.orgId, userId: user!.userId, requestId: 'test' },
      { currentPassword: oneTimePassword, newPassword: 'tulip-granite-orbit-74' },
    );
    expect(changed).toEqual({ ok: true, data: null });
    expect(await authorizeStaffSignIn({ email, password: oneTimePassword }, {})).toBeNull();

    const staff = await call<{ staff: { email: string; role: string }[] }>(listStaff, {
      method: 'GET',
      path: '/v2/staff',
      headers: session,
    });
    expect(staff.status).toBe(200);
    expect(staff.body.staff).toEqual([expect.objectContaining({ email, role: 'admin' })]);

    // The default configuration works: a till of the new org registers a customer (mobile primary, email unique).
    const till = await call<{ secret: string }>(createClient, {
      path: '/v2/apiClients',
      body: { kind: 'TILL', key: `acme-${tag}.till`, access: ['customers:write'] },
      headers: session,
    });
    expect(till.status).toBe(200);
    const mobile = uniqueMobile();
    const email2 = uniqueEmail();
    const registered = await call(registerCustomer, {
      body: {
        profiles: [
          {
            source: 'INSTORE',
            identifiers: [
              { type: 'mobile', value: mobile },
              { type: 'email', value: email2 },
            ],
          },
        ],
      },
      headers: { authorization: basicAuth(`acme-${tag}.till`, till.body.secret) },
    });
    expect(registered.status).toBe(200);
  });

  it('refuses an existing organisation or email, exits non-zero and writes nothing', async () => {
    const db = await getDb();
    const before = await db.select({ id: orgs.id }).from(orgs);
    const sameName = await orgCreate(['--name', 'Demo Retail', '--region', 'US', '--admin-email', 'x@new.example']);
    expect(sameName.code).toBe(1);
    expect(sameName.stderr).toMatch(/already exists/);
    const sameEmail = await orgCreate([
      '--name',
      `New ${randomUUID()}`,
      '--region',
      'US',
      '--admin-email',
      'ADMIN@demo.example',
    ]);
    expect(sameEmail.code).toBe(1);
    expect(sameEmail.stderr).toMatch(/already a staff member's email/);
    const badRegion = await orgCreate(['--name', 'Nowhere', '--region', 'MARS', '--admin-email', 'n@new.example']);
    expect(badRegion.code).toBe(1);
    expect(await db.select({ id: orgs.id }).from(orgs)).toHaveLength(before.length);
  });
});

// Both run whichever database the suite is on: each makes an empty database of its own (the embedded
// one a new folder; PostgreSQL a new database on the suite's server, when there is one).
describe('npm run org:create on an empty embedded database', () => {
  it('creates the org in a new data folder, then lets go of it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'member-care-org-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite') };
      delete env.DATABASE_URL;
      const out = await orgCreate(
        ['--name', 'Acme Retail', '--region', 'EMEA', '--admin-email', 'a@acme.example'],
        env,
      );
      expect(out.code, out.stderr).toBe(0);
      const again = await orgCreate(
        ['--name', 'Acme Retail', '--region', 'EMEA', '--admin-email', 'b@acme.example'],
        env,
      );
      expect(again.code).toBe(1);
      // The script closed the folder: this process can open it.
      const { PGlite } = await import('@electric-sql/pglite');
      const pg = await PGlite.create(env.PGLITE_DIR!);
      try {
        const { rows } = await pg.query<{ password_hash: string; must_change_password: boolean; code: string }>(
          `select s.password_hash, s.must_change_password, o.code from staff_users s join orgs o on o.id = s.org_id`,
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ must_change_password: true, code: 'acme-retail' });
        expect(await bcrypt.compare(passwordOf(out.stdout)!, rows[0]!.password_hash)).toBe(true);
        const sources = await pg.query(`select source from org_sources`);
        expect(sources.rows).toEqual([{ source: 'INSTORE' }]);
      } finally {
        await pg.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Two runs of the script, each migrating an embedded database from nothing: slow on a busy machine.
  }, 240_000);
});

describe.runIf(onPostgres)('npm run org:create on an empty PostgreSQL database', () => {
  it('migrates it, writes the platform data and the one org with its admin, and no demo data', async () => {
    const name = `orgcreate_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const server = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await server.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const out = await orgCreate(['--name', 'Acme Retail', '--region', 'EMEA', '--admin-email', 'a@acme.example'], {
        ...process.env,
        DATABASE_URL: url.toString(),
      });
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/on postgres/);
      const staff = await fresh<
        { email: string; password_hash: string; must_change_password: boolean; code: string }[]
      >`
        select s.email, s.password_hash, s.must_change_password, o.code
        from staff_users s join orgs o on o.id = s.org_id`;
      expect(staff).toHaveLength(1);
      expect(staff[0]).toMatchObject({ email: 'a@acme.example', must_change_password: true, code: 'acme-retail' });
      expect(await bcrypt.compare(passwordOf(out.stdout)!, staff[0]!.password_hash)).toBe(true);
      expect(await fresh`select code from orgs`).toEqual([{ code: 'acme-retail' }]);
      expect(await fresh`select key from api_clients`).toEqual([]);
    } finally {
      await fresh.end();
      await server.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });
});
