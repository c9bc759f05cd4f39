// Settings: leaving with unsaved changes asks first (ui-contract.md, "The counter, fast"). The
// editor's pages share one form: moving between them keeps the edits and does not ask; leaving them
// (another part of the app, or the History page) does. Nothing is saved here.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { ADMIN_STATE } from './support/accounts';

test.use({ storageState: ADMIN_STATE });

const LEAVE = 'Leave this page? The settings you changed have not been saved.';

/** The questions the page asks (confirm dialogs), each answered with `answer`. */
function answerDialogs(page: Page, answer: 'accept' | 'dismiss'): string[] {
  const asked: string[] = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => {
    asked.push(d.message());
    void (answer === 'accept' ? d.accept() : d.dismiss());
  });
  return asked;
}

test('leaving Settings with unsaved changes asks first; staying keeps the edit', async ({ page, settingsPage }) => {
  await settingsPage.goto();
  const min = page.getByLabel('Minimum length');
  await min.fill('7');
  const customers = page.getByRole('navigation').getByRole('link', { name: 'Search', exact: true });

  const asked = answerDialogs(page, 'dismiss');
  await customers.click();
  await expect.poll(() => asked).toEqual([LEAVE]);
  await expect(page).toHaveURL(/\/settings\/registration$/);
  await expect(min).toHaveValue('7');

  answerDialogs(page, 'accept');
  await customers.click();
  await expect(page).toHaveURL(/\/member-care\/ui$/);
});

test('an edit made on one page of the configuration stays while moving to another; leaving them asks', async ({
  page,
  settingsPage,
}) => {
  await settingsPage.goto();
  const min = settingsPage.section('Mobile numbers').getByLabel('Minimum length');
  await min.fill('7');
  const status = page.getByText(/^(No unsaved changes|Unsaved changes)/);
  await expect(status).toContainText('Unsaved changes on Identifiers');

  // Another page of the editor: the same form, so nothing to ask.
  const asked = answerDialogs(page, 'dismiss');
  await settingsPage.menuLink('Limits').click();
  await expect(page).toHaveURL(SettingsPage.urlOf('Limits'));
  await settingsPage.section('Rate limit').getByLabel('Requests per minute').fill('4000');
  await expect(status).toContainText('Unsaved changes on Identifiers, Limits');
  await settingsPage.menuLink('Identifiers').click();
  await expect(page).toHaveURL(SettingsPage.URL);
  await expect(min).toHaveValue('7');
  expect(asked).toEqual([]);

  // The History page is outside the form: going there would drop the edits, so it asks.
  await settingsPage.menuLink('History').click();
  await expect.poll(() => asked).toEqual([LEAVE]);
  await expect(page).toHaveURL(SettingsPage.URL);
  await settingsPage.menuLink('Limits').click();
  await expect(settingsPage.section('Rate limit').getByLabel('Requests per minute')).toHaveValue('4000');
  expect(asked).toEqual([LEAVE]);
});

test("the browser's Back with unsaved changes asks first; staying keeps the edit", async ({ page, settingsPage }) => {
  await page.goto('/member-care/ui');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(SettingsPage.URL);
  const min = settingsPage.section('Mobile numbers').getByLabel('Minimum length');
  await min.fill('7');

  // As the browser's Back button does (page.goBack would wait for a navigation that is cancelled).
  const back = () => page.evaluate(() => window.history.back());
  const asked = answerDialogs(page, 'dismiss');
  await back();
  await expect.poll(() => asked).toEqual([LEAVE]);
  await expect(page).toHaveURL(SettingsPage.URL);
  await expect(min).toHaveValue('7');

  answerDialogs(page, 'accept');
  await back();
  await expect(page).toHaveURL(/\/member-care\/ui$/);
});
