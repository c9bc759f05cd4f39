// Settings: leaving with unsaved changes asks first (ui-contract.md, "The counter, fast").
import { expect, test } from './fixtures';
import { ADMIN_STATE } from './support/accounts';

test.use({ storageState: ADMIN_STATE });

test('leaving Settings with unsaved changes asks first; staying keeps the edit', async ({ page, settingsPage }) => {
  await settingsPage.goto();
  const min = page.getByLabel('Minimum length');
  await min.fill('7');
  const customers = page.getByRole('navigation').getByRole('link', { name: 'Search', exact: true });

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await customers.click();
  await expect.poll(() => asked).toEqual(['Leave this page? The settings you changed have not been saved.']);
  await expect(page).toHaveURL(/\/settings\/registration/);
  await expect(min).toHaveValue('7');

  page.once('dialog', (d) => void d.accept());
  await customers.click();
  await expect(page).toHaveURL(/\/member-care\/ui$/);
});
