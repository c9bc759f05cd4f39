// Administration (UI contract, "Administration"): an admin adds a staff member by keyboard, who signs
// in with the one-time password and must choose a new one; store staff get the 403 page on every
// admin page and 403 from the admin API. The till whose secret is rotated is in settings.spec.ts: a
// till is part of the demo org's configuration, whose saves run one at a time there.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { ADMIN_STATE, STAFF_STATE } from './support/accounts';
import { tabTo } from './support/keyboard';

const ADMIN_PAGES = [
  '/member-care/ui/settings/staff',
  '/member-care/ui/settings/api-clients',
  '/member-care/ui/settings/audit',
  '/member-care/ui/settings/webhooks',
];

test.describe('as the demo admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('adds a staff member by keyboard; they sign in with the one-time password and must choose a new one', async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `sam.${randomUUID().slice(0, 8)}@demo.example`;
    await page.goto('/member-care/ui/settings/staff');
    await page.waitForLoadState('networkidle');
    const add = page.getByRole('button', { name: 'Add staff member' });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add staff member' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Sam Clerk');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    const shown = page.getByTestId('shown-once');
    await expect(shown).toBeVisible();
    const oneTimePassword = (await shown.textContent())!.trim();
    await expect(page.getByRole('row', { name: /Sam Clerk/ })).toContainText(email);

    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const them = await context.newPage();
    await them.goto('/login');
    await them.waitForLoadState('networkidle');
    await them.getByLabel('Email').fill(email);
    await them.getByLabel('Password').fill(oneTimePassword);
    await them.getByRole('button', { name: 'Sign in' }).click();
    await expect(them).toHaveURL(/\/member-care\/ui\/account\?first=1$/);
    // Nothing else until then.
    await them.goto('/member-care/ui/register');
    await expect(them).toHaveURL(/\/member-care\/ui\/account\?first=1$/);
    await them.getByLabel('Current password').fill(oneTimePassword);
    await them.getByLabel('New password').fill('Password1234');
    await them.getByRole('button', { name: 'Change password' }).click();
    await expect(them.locator('form').getByRole('alert').first()).toBeVisible();
    await them.getByLabel('New password').fill('tulip-granite-orbit-74');
    await them.getByRole('button', { name: 'Change password' }).click();
    await expect(them).toHaveURL(/\/member-care\/ui$/);
    await context.close();
  });
});

test.describe('as the demo admin, reading', () => {
  test.use({ storageState: ADMIN_STATE });

  test('the audit log and the account page open (and pass axe)', async ({ page }) => {
    await page.goto('/member-care/ui/settings/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Admin log, newest first' })).toBeVisible();
    await page.goto('/member-care/ui/account');
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await expect(page.getByLabel('Current password')).toBeVisible();
  });
});

test.describe('as store staff', () => {
  test.use({ storageState: STAFF_STATE });

  test('every admin page is the 403 page, and the admin API answers 403', async ({ page }) => {
    for (const path of ADMIN_PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    }
    for (const path of ['/v2/staff', '/v2/apiClients', '/v2/audit', '/v3/webHooks']) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
  });
});
