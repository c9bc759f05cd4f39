// The Registration Configuration editor: an admin's change reaches the registration form at once;
// a change the server refuses lands next to what caused it; store staff cannot open the editor.
// Runs on the shared demo org: every change is undone before the test ends, and the default
// status label (which other specs rely on being unset) is never touched.
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { ADMIN_STATE, STAFF_STATE } from './support/accounts';
import { basicAuth, TILLS, uniqueMobile } from './support/api';
import { saveScreenshot } from './support/screenshot';

test.describe('signed in as the demo admin', () => {
  test.use({ storageState: ADMIN_STATE });
  // Both tests save the demo org's configuration: one at a time.
  test.describe.configure({ mode: 'serial' });

  test('adds a status label, and the registration form offers it at once; removes it again', async ({
    page,
    settingsPage,
    registerPage,
  }, testInfo) => {
    test.slow(); // two saves and four page loads of the longest form in the app
    const label = `E2E ${Date.now().toString(36)}`;
    await settingsPage.goto();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }),
    ).toHaveAttribute('aria-current', 'page');
    await settingsPage.addStatusLabel(label, 'Suspended');
    await saveScreenshot(page, testInfo, 'settings-registration');
    await settingsPage.save();
    await expect(settingsPage.saved).toBeVisible();

    await registerPage.goto();
    const statusLabel = page.getByLabel('Status label');
    await expect(statusLabel.locator('option', { hasText: label })).toHaveCount(1);

    await settingsPage.goto();
    await settingsPage.removeStatusLabel(label);
    await settingsPage.save();
    await expect(settingsPage.saved).toBeVisible();
    await registerPage.goto();
    await expect(statusLabel.locator('option', { hasText: label })).toHaveCount(0);
  });

  test('removing a label customers have is refused next to the labels, and nothing is saved', async ({
    page,
    request,
    settingsPage,
  }) => {
    const res = await request.post('/v2/customers', {
      headers: { authorization: basicAuth(TILLS.demo) },
      data: {
        statusLabel: 'On hold',
        profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }],
      },
    });
    expect(res.status()).toBe(200);

    await settingsPage.goto();
    await settingsPage.removeStatusLabel('On hold');
    await settingsPage.save();
    await expect(settingsPage.notSaved).toContainText('still in use');
    await expect(settingsPage.section('Status labels').getByRole('alert')).toContainText(
      '"On hold" is given to customers',
    );

    await page.reload();
    await settingsPage.heading.waitFor();
    await expect(settingsPage.statusLabelRow('On hold')).resolves.toBeTruthy();
  });

  test('a rule broken in the browser is shown at its field, and nothing is saved', async ({ settingsPage }) => {
    await settingsPage.goto();
    const min = settingsPage.section('Mobile numbers').getByLabel('Minimum length');
    await min.fill('');
    await settingsPage.save();
    await expect(settingsPage.notSaved).toBeVisible();
    await expect(min).toHaveAttribute('aria-invalid', 'true');
    await expect(min).toBeFocused();
    await expect(settingsPage.section('Mobile numbers').getByRole('alert')).toHaveText('Enter a whole number');
    await expect(settingsPage.saved).toHaveCount(0);
  });
});

test.describe('signed in as demo staff', () => {
  test.use({ storageState: STAFF_STATE });

  test('the editor answers 403 and the navigation has no Settings link', async ({ page, settingsPage }) => {
    const response = await page.goto(SettingsPage.URL);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    await expect(settingsPage.saveButton).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  });
});
