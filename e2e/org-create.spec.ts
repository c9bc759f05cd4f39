// Into service without SQL (issue 16, README "Put an org into service"): scripts/e2e.mjs made an empty
// database, ran `npm run org:create` on it (migrations and platform data, no demo data) and started a
// server on it (E2E_FRESH_URL). Its first admin signs in with the printed one-time password, must
// choose a new one, and then runs an org that has nothing but them.
import { expect, test } from './fixtures';
import { checkAccessibility } from './support/axe';

function freshOrg() {
  const url = process.env.E2E_FRESH_URL;
  const email = process.env.E2E_FRESH_EMAIL;
  const password = process.env.E2E_FRESH_PASSWORD;
  if (!url || !email || !password) throw new Error('E2E_FRESH_* are not set: run the suite with npm run test:e2e');
  return { url, email, password };
}

test.use({ storageState: { cookies: [], origins: [] } });

test("org:create's admin signs in with the one-time password, chooses a new one, and administers the new org", async ({
  page,
}) => {
  const org = freshOrg();
  await page.goto(`${org.url}/login`);
  await page.waitForLoadState('networkidle');
  await checkAccessibility(page);
  await page.getByLabel('Email').fill(org.email);
  await page.getByLabel('Password').fill(org.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/member-care\/ui\/account\?first=1$/);
  await checkAccessibility(page);
  await page.getByLabel('Current password').fill(org.password);
  await page.getByLabel('New password').fill('harbour-violet-quartz-58');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/member-care\/ui$/);

  // The org has its admin and nothing of the demo: no other staff, no tills.
  await page.goto(`${org.url}/member-care/ui/settings/staff`);
  const staff = page.getByRole('table', { name: 'Staff members' });
  await expect(staff.getByRole('row')).toHaveCount(2);
  await expect(staff).toContainText(org.email);
  await checkAccessibility(page);
  await page.goto(`${org.url}/member-care/ui/settings/api-clients`);
  await expect(page.getByRole('table', { name: 'API clients' }).getByRole('row')).toHaveCount(1);
  await expect(page.getByText('demo.till')).toHaveCount(0);

  // The one-time password is spent; the new one signs in.
  const context = page.context();
  await context.clearCookies();
  await page.goto(`${org.url}/login`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(org.email);
  await page.getByLabel('Password').fill(org.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill('harbour-violet-quartz-58');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/member-care\/ui$/);
});
