// Signs in once per role through the real form and keeps the session for the specs (e2e/.auth/).
import { expect, test as setup } from './fixtures';
import { ADMIN, ADMIN_STATE, STAFF, STAFF_STATE } from './support/accounts';

for (const [role, account, file] of [
  ['staff', STAFF, STAFF_STATE],
  ['admin', ADMIN, ADMIN_STATE],
] as const) {
  setup(`sign in as ${role}`, async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/member-care\/ui$/);
    await expect(page.getByText(account.name)).toBeVisible();
    await page.context().storageState({ path: file });
  });
}
