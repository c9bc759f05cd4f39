// TOTP for admins (api-contract §16, "Own account"): set up with a key (and QR code), turned on by a
// code from the app, recovery codes shown once and each good for one sign-in; sign-in asks for the
// second factor once the password is right.
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { GET as auditLog } from '@/app/v2/audit/route';
import { POST as createStaff } from '@/app/v2/staff/route';
import { getDb } from '@/db/client';
import { beginTotpSetup, enableTotp } from '@/lib/admin/totp';
import { authorizeStaffSignIn, SecondFactorRequired } from '@/lib/auth/next-auth';
import { call } from './helpers';
import { newAdminOrg } from './admin-helpers';

const codeFor = (key: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), digits: 6, period: 30, algorithm: 'SHA1' }).generate();

describe('TOTP for admins', () => {
  it('is set up with a code from the app, then every sign-in needs a code or a one-time recovery code', async () => {
    const org = await newAdminOrg();
    const db = await getDb();
    const who = { orgId: org.orgId, userId: org.adminId, requestId: 'test' };
    const setup = await beginTotpSetup(db, who);
    expect(setup?.key).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup?.qrSvg).toMatch(/^<svg/);
    expect(await enableTotp(db, who, '000000')).toBeNull();
    const enabled = await enableTotp(db, who, codeFor(setup!.key));
    expect(enabled?.recoveryCodes).toHaveLength(10);
    expect(await enableTotp(db, who, codeFor(setup!.key))).toBeNull();

    const signIn = (code?: string) =>
      authorizeStaffSignIn(
        { email: org.adminEmail, password: org.oneTimePassword, ...(code === undefined ? {} : { code }) },
        { 'x-forwarded-for': '10.5.0.1' },
      );
    await expect(signIn()).rejects.toBeInstanceOf(SecondFactorRequired);
    expect(await signIn('123456')).toBeNull();
    expect(await signIn(codeFor(setup!.key))).toMatchObject({ email: org.adminEmail });
    const recovery = enabled!.recoveryCodes[0]!;
    expect(await signIn(recovery.toUpperCase())).toMatchObject({ email: org.adminEmail });
    expect(await signIn(recovery)).toBeNull();

    const log = await call(auditLog, { method: 'GET', path: '/v2/audit', headers: org.admin });
    const text = JSON.stringify(log.body);
    expect(text).toContain('staff.totp');
    expect(text).not.toContain(setup!.key);
    for (const c of enabled!.recoveryCodes) expect(text).not.toContain(c);
  });

  it('is for admins: store staff cannot start it', async () => {
    const org = await newAdminOrg();
    const created = await call<{ id: number }>(createStaff, {
      path: '/v2/staff',
      body: { email: `totp-${org.tag}@test.example`, name: 'Clerk', role: 'staff' },
      headers: org.admin,
    });
    expect(await beginTotpSetup(await getDb(), { orgId: org.orgId, userId: created.body.id })).toBeNull();
  });
});
