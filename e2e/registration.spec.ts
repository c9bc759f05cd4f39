// A cashier registers a customer in the form and lands on the customer's page.
import { formatMobile } from '@/components/customer/format';
import { expect, test } from './fixtures';
import { CUSTOMER_URL } from './pages/customer-page';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueEmail, uniqueMobile } from './support/api';
import { tabTo } from './support/keyboard';
import { saveScreenshot } from './support/screenshot';

test.use({ storageState: STAFF_STATE });

test('staff registers a customer with two identifiers, a channel and an extended field', async ({
  page,
  registerPage,
  customerPage,
}, testInfo) => {
  const mobile = uniqueMobile();
  const email = uniqueEmail('asha');
  await registerPage.goto();
  await registerPage.fillName('Asha', 'Rao');
  await registerPage.setIdentifier(0, 'mobile', mobile);
  await registerPage.addIdentifier('email', email);
  await registerPage.addChannel('mobile', mobile, { primary: true, verified: true });
  await registerPage.setField('Gender', 'Female', 'Extended fields');
  await registerPage.setField('City', 'Pune', 'Extended fields');
  await registerPage.setField('Loyalty program', '470');
  // Points, tiers and expiries are an admin's: the clerk enrols, and the program's benefits follow.
  await expect(page.getByLabel('Points', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Tier', { exact: true })).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'registration-form');

  await registerPage.submit.click();
  await expect(page).toHaveURL(CUSTOMER_URL);
  const id = customerPage.idFromUrl();

  await expect(customerPage.heading).toHaveText('Asha Rao');
  await expect(customerPage.tabs).toHaveText(['INSTORE']);
  await expect(customerPage.tab('INSTORE')).toHaveAttribute('aria-selected', 'true');
  const panel = customerPage.activePanel();
  await expect(panel.getByText(formatMobile(mobile)).first()).toBeVisible();
  await expect(panel.getByText(email)).toBeVisible();
  await expect(page.getByText('Pune')).toBeVisible();
  // Demo has no default status label: warning 8107 is for the integrator, not shown to the clerk.
  await expect(customerPage.outcome).not.toContainText('Default customer status label not set');
  // Demo Club's registration benefits: the welcome coupon, with its code, and the bonus points.
  await expect(customerPage.outcome).toContainText('Welcome Offer - 10% flat discount');
  await expect(page.getByText('Demo Club (470)')).toBeVisible();

  await customerPage.avatar.hover();
  await expect(customerPage.tooltip).toHaveText(`Account ID: ${id}`);
  await saveScreenshot(page, testInfo, 'customer-page');

  await page.reload();
  await expect(customerPage.heading).toHaveText('Asha Rao');
  await expect(customerPage.outcome).toHaveCount(0);
});

test('registering by keyboard alone: Tab between fields, type-ahead in a list, Enter on the button', async ({
  page,
  registerPage,
  customerPage,
}) => {
  const mobile = uniqueMobile();
  await registerPage.goto();
  await tabTo(page, page.getByLabel('First name', { exact: true }));
  await page.keyboard.type('Lena');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name', { exact: true })).toBeFocused();
  await page.keyboard.type('Okafor');
  await tabTo(page, registerPage.identifierRow(0).getByLabel('Identifier value'), 20);
  await page.keyboard.type(mobile);
  const gender = registerPage.section('Extended fields').getByLabel('Gender', { exact: true });
  await tabTo(page, gender, 40);
  // Type-ahead chooses; an arrow key on the closed select would only open it.
  await page.keyboard.type('F');
  const chosen = await gender.inputValue();
  expect(chosen).toBe('Female');
  await tabTo(page, registerPage.submit, 100);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(CUSTOMER_URL);
  await expect(customerPage.heading).toHaveText('Lena Okafor');
  await expect(customerPage.activePanel().getByText(formatMobile(mobile)).first()).toBeVisible();
  await expect(page.getByText(chosen, { exact: true })).toBeVisible();
});

test('the profile picture shows the account id on keyboard focus too', async ({ request, customerPage }) => {
  const id = await registerViaApi(request, 'demo', { firstName: 'Kiran', lastName: 'Mehta', mobile: uniqueMobile() });
  await customerPage.goto(id);
  await expect(customerPage.heading).toHaveText('Kiran Mehta');
  await expect(customerPage.tooltip).toHaveCount(0);
  await customerPage.focusAvatarByKeyboard();
  await expect(customerPage.tooltip).toHaveText(`Account ID: ${id}`);
  await customerPage.page.keyboard.press('Escape');
  await expect(customerPage.tooltip).toHaveCount(0);
});
