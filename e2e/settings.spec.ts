// The Registration Configuration editor (a page per part, one document): an admin's change reaches
// the registration form at once;
// a change the server refuses lands next to what caused it; each save shows in the history with its
// values before and after; a click made before hydration is kept; store staff cannot open the editor.
// Runs on the shared demo org: every change is undone before the test ends, and the default
// status label (which other specs rely on being unset) is never touched.
import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { ADMIN, ADMIN_STATE, STAFF_STATE } from './support/accounts';
import { basicAuth, TILLS, uniqueMobile } from './support/api';
import { tabTo } from './support/keyboard';
import { saveScreenshot } from './support/screenshot';

function basicWithPassword(code: string, password: string): string {
  const md5 = createHash('md5').update(password).digest('hex');
  return `Basic ${Buffer.from(`${code}:${md5}`).toString('base64')}`;
}

test.describe('signed in as the demo admin', () => {
  test.use({ storageState: ADMIN_STATE });
  // Both tests save the demo org's configuration: one at a time.
  test.describe.configure({ mode: 'serial' });

  test('adds a status label, and the registration form offers it at once; removes it again', async ({
    page,
    settingsPage,
    registerPage,
  }, testInfo) => {
    test.slow(); // two saves and four page loads
    const label = `E2E ${Date.now().toString(36)}`;
    await settingsPage.goto('Statuses');
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

    await settingsPage.goto('Statuses');
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

    await settingsPage.goto('Statuses');
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
  test('by keyboard alone: a rate limit typed and saved with Enter, shown in the history before and after', async ({
    page,
    settingsPage,
  }) => {
    test.slow(); // two saves, four pages
    const history = settingsPage.history;
    const perMinute = settingsPage.section('Rate limit').getByLabel('Requests per minute');
    await settingsPage.goto();
    // The Settings menu leads to the page; Tab goes on from the link into it.
    await tabTo(page, settingsPage.menuLink('Limits'));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/settings\/registration\/limits$/);
    await tabTo(page, perMinute, 20);
    await page.keyboard.type('5000');
    await page.keyboard.press('Enter');
    await expect(settingsPage.saved).toBeVisible();

    // Back up to the menu, to the history.
    await tabTo(page, settingsPage.menuLink('History'), 40, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const latest = settingsPage.saves.first();
    await expect(latest.getByRole('heading')).toContainText(`${ADMIN.name} (${ADMIN.email})`);
    await expect(settingsPage.changeRow(latest, 'Rate limit override').getByRole('cell')).toHaveText([
      'none',
      '5000 per minute',
    ]);
    // The only setting this save changed.
    await expect(latest.getByRole('rowheader')).toHaveText(['Rate limit override']);

    // And back: select the number, delete it, Enter.
    await tabTo(page, settingsPage.menuLink('Limits'), 10, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, perMinute, 20);
    await expect(perMinute).toHaveValue('5000');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect(settingsPage.saved).toBeVisible();
    await tabTo(page, settingsPage.menuLink('History'), 40, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(
      settingsPage.changeRow(settingsPage.saves.first(), 'Rate limit override').getByRole('cell'),
    ).toHaveText(['5000 per minute', 'none']);
    // The earlier save is now second: newest first.
    await expect(settingsPage.changeRow(settingsPage.saves.nth(1), 'Rate limit override').getByRole('cell')).toHaveText(
      ['none', '5000 per minute'],
    );
    await expect(history.getByRole('heading', { level: 2 })).toHaveText('Configuration history');
  });

  test('a box ticked before the page is interactive is the value the save stores', async ({ page, settingsPage }) => {
    const unique = page.getByRole('group', { name: 'Unique identifier types' }).getByLabel('Facebook ID');
    // No wait for hydration: the click is made as soon as the box can take it.
    await page.goto(SettingsPage.URL, { waitUntil: 'commit' });
    await unique.check();
    await settingsPage.save();
    await expect(settingsPage.saved).toBeVisible();
    await settingsPage.goto('History');
    const row = settingsPage.changeRow(settingsPage.saves.first(), 'Unique identifier types');
    await expect(row.getByRole('cell').first()).not.toContainText('Facebook ID');
    await expect(row.getByRole('cell').last()).toContainText('Facebook ID');

    await settingsPage.goto();
    await expect(unique).toBeChecked();
    await unique.uncheck();
    await settingsPage.save();
    await expect(settingsPage.saved).toBeVisible();
    await settingsPage.goto('History');
    await expect(row.getByRole('cell').last()).not.toContainText('Facebook ID');
  });

  // A till is part of this org's configuration, whose tests here run one at a time. (A save from a form
  // opened before the till was added keeps it: tests/integration/settings-tills.test.ts.)
  test('creates a till whose secret works with Basic; rotated without overlap, the old one fails within 60 s', async ({
    page,
    request,
  }) => {
    const key = `e2e-${randomUUID().slice(0, 8)}.till`;
    await page.goto('/member-care/ui/settings/api-clients');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Add API client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add API client' });
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByRole('button', { name: 'Add API client' }).click();
    const shown = page.getByTestId('shown-once');
    await expect(shown).toBeVisible();
    const secret = (await shown.textContent())!.trim();

    const register = (password: string) =>
      request.post('/v2/customers', {
        headers: { authorization: basicWithPassword(key, password) },
        data: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      });
    expect((await register(secret)).status()).toBe(200);

    const row = page.getByRole('row', { name: new RegExp(key.replace('.', '\\.')) });
    await row.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: new RegExp(`Rotate the secret of`) });
    await expect(rotate.getByLabel('Overlap (seconds)')).toHaveValue('0');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(page.getByText(`New secret of ${key}`)).toBeVisible();
    const rotated = (await page.getByTestId('shown-once').textContent())!.trim();
    expect(rotated).not.toBe(secret);
    await expect.poll(async () => (await register(secret)).status(), { timeout: 60_000, intervals: [1000] }).toBe(401);
    expect((await register(rotated)).status()).toBe(200);
  });
});

test.describe('signed in as demo staff', () => {
  test.use({ storageState: STAFF_STATE });

  test('the editor answers 403 and the navigation has no Settings link', async ({ page, settingsPage }) => {
    for (const name of ['Limits', 'History'] as const) {
      expect((await page.goto(SettingsPage.urlOf(name)))?.status(), name).toBe(403);
    }
    const response = await page.goto(SettingsPage.URL);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    await expect(settingsPage.saveButton).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    // Nor the configuration history: it is part of the admins' page.
    await expect(settingsPage.history).toHaveCount(0);
    await expect(page.getByText('Rate limit override')).toHaveCount(0);
  });
});
