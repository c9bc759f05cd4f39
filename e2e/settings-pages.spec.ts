// Settings: the Registration Configuration split into pages under one "Settings" menu (ui-contract.md,
// "The counter, fast"), walked by keyboard alone: each page holds its part of the document, is named
// in the menu as current, and passes axe. Nothing is saved here.
import { expect, test } from './fixtures';
import { SettingsPage, type SettingsPageName } from './pages/settings-page';
import { checkAccessibility } from './support/axe';
import { ADMIN_STATE } from './support/accounts';
import { tabTo } from './support/keyboard';

test.use({ storageState: ADMIN_STATE });

/** Each page of the menu, in its order, with the sections it shows. */
const PAGES: [SettingsPageName, string[]][] = [
  ['Identifiers', ['Identifiers', 'Mobile numbers', 'Time zone']],
  ['Sources', ['Sources and accounts']],
  ['Fields', ['Custom fields', 'Extended fields']],
  ['Statuses', ['Status labels']],
  ['Cards and tills', ['Card series', 'Tills']],
  ['Loyalty', ['Loyalty programs']],
  ['Limits', ['Rate limit']],
  ['Requests', ['Requests']],
  ['History', ['Configuration history']],
];
const ALL_SECTIONS = PAGES.flatMap(([, sections]) => sections);

test('every page of the configuration is reached from the Settings menu by keyboard, and shows only its part', async ({
  page,
  settingsPage,
}) => {
  test.slow(); // nine pages, each checked with axe
  await settingsPage.goto('Fields');
  for (const [name, sections] of PAGES) {
    const link = settingsPage.menuLink(name);
    await tabTo(page, link, 40);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(SettingsPage.urlOf(name));
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(settingsPage.menu.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page).toHaveTitle(`${name} · Registration Configuration · Member Care`);
    await expect(settingsPage.heading).toBeVisible();
    for (const title of ALL_SECTIONS) {
      await expect(settingsPage.section(title), `${title} on ${name}`).toHaveCount(sections.includes(title) ? 1 : 0);
    }
    // The History page has no form; every other page saves the one document.
    await expect(settingsPage.saveButton).toHaveCount(name === 'History' ? 0 : 1);
    await checkAccessibility(page);
    // Focus stays on the link just followed: Tab goes on to the next page's link.
    await expect(link).toBeFocused();
  }
});

test('an unknown page of the configuration is not found', async ({ page }) => {
  const response = await page.goto(`${SettingsPage.URL}/nothing-here`);
  expect(response?.status()).toBe(404);
});
