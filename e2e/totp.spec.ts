// Two-factor sign-in for admins (UI contract, "Administration"; lib/admin/totp.ts): an admin made for
// this test turns TOTP on at /member-care/ui/account from the key shown as text (codes computed with
// otpauth, as the app does), signs out, and signs in with a code; a recovery code signs in once only.
// A separate admin, so the demo admin's sign-ins in other specs are unaffected.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { expect, test } from './fixtures';
import { ADMIN_STATE } from './support/accounts';
import { checkAccessibility } from './support/axe';
import { tabTo } from './support/keyboard';

const PASSWORD = 'juniper-cobalt-meadow-31';

const codeOf = (base32: string) =>
  new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(base32) }).generate();

async function signIn(page: Page, email: string, password: string, code?: string) {
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  if (code === undefined) return;
  const field = page.getByLabel('Authentication code');
  await expect(field).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

async function signOut(page: Page) {
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login/);
}

test.describe('an admin made for this test', () => {
  test.use({ storageState: ADMIN_STATE });

  test('turns on TOTP by keyboard, signs in with a code; a recovery code works once', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The demo admin adds the new admin through the administration API.
    const email = `totp.${randomUUID().slice(0, 8)}@demo.example`;
    const created = await page.request.post('/v2/staff', { data: { name: 'Tess Totp', email, role: 'admin' } });
    expect(created.status()).toBe(200);
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };

    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const them = await context.newPage();
    try {
      await signIn(them, email, oneTimePassword);
      await expect(them).toHaveURL(/\/member-care\/ui\/account\?first=1$/);
      await them.getByLabel('Current password').fill(oneTimePassword);
      await them.getByLabel('New password').fill(PASSWORD);
      await them.getByRole('button', { name: 'Change password' }).click();
      await expect(them).toHaveURL(/\/member-care\/ui$/);

      await them.goto('/member-care/ui/account');
      await them.waitForLoadState('networkidle');
      await tabTo(them, them.getByRole('button', { name: 'Set up two-factor authentication' }));
      await them.keyboard.press('Enter');
      await expect(them.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
      const key = (await them.locator('p', { hasText: 'Or enter this key' }).locator('code').textContent())!.trim();
      expect(key).toMatch(/^[A-Z2-7]+$/);
      await checkAccessibility(them);
      await tabTo(them, them.getByLabel('Authentication code'));
      await them.keyboard.type(codeOf(key));
      await them.keyboard.press('Enter');
      const list = them.getByRole('list', { name: 'Recovery codes' });
      await expect(list.getByRole('listitem')).toHaveCount(10);
      const recovery = (await list.getByRole('listitem').first().textContent())!.trim();
      await checkAccessibility(them);

      // The password alone no longer signs in: the form asks for the code.
      await signOut(them);
      await signIn(them, email, PASSWORD, codeOf(key));
      await expect(them).toHaveURL(/\/member-care\/ui$/);

      // A recovery code signs in once.
      await signOut(them);
      await signIn(them, email, PASSWORD, recovery);
      await expect(them).toHaveURL(/\/member-care\/ui$/);
      await signOut(them);
      await signIn(them, email, PASSWORD, recovery);
      await expect(them.locator('form').getByRole('alert')).toHaveText('Email or password is incorrect.');
      // A wrong code does not sign in either; a current one still does.
      await signIn(them, email, PASSWORD, '000000' === codeOf(key) ? '111111' : '000000');
      await expect(them.locator('form').getByRole('alert')).toHaveText('Email or password is incorrect.');
      await signIn(them, email, PASSWORD, codeOf(key));
      await expect(them).toHaveURL(/\/member-care\/ui$/);
    } finally {
      await context.close();
    }
  });
});
