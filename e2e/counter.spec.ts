// The counter, fast (ui-contract.md): what a clerk at a 1366 × 900 screen must see and reach at once.
import { formatMobile } from '@/components/customer/format';
import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueMobile } from './support/api';

test.use({ storageState: STAFF_STATE, viewport: { width: 1366, height: 900 } });

/** Wholly on screen, below the sticky header and above the form's sticky footer. */
async function expectClearlyInView(page: Page, target: Locator) {
  await expect(target).toBeInViewport({ ratio: 1 });
  const box = await target.boundingBox();
  const header = await page.locator('header').first().boundingBox();
  const footer = await page.getByRole('button', { name: 'Register customer' }).locator('..').boundingBox();
  expect(box && header && footer).toBeTruthy();
  expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  expect(box!.y + box!.height).toBeLessThanOrEqual(footer!.y);
}

test('an empty form is caught in the browser: no request, the primary row focused and in view', async ({
  page,
  registerPage,
  registrationPosts,
}) => {
  await registerPage.goto();
  await registerPage.fillName('Asha', 'Rao');
  await page.mouse.wheel(0, 2000);
  await registerPage.submit.click();
  const value = registerPage.identifierRow(0).getByLabel('Identifier value');
  await expect(value).toBeFocused();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expectClearlyInView(page, value);
  expect(registrationPosts).toEqual([]);
});

test('a duplicate brings the banner into view and focus, naming the customer with "Open customer"', async ({
  page,
  request,
  registerPage,
}) => {
  const mobile = uniqueMobile();
  const id = await registerViaApi(request, 'demo', { firstName: 'Priya', lastName: 'Raman', mobile });
  await registerPage.goto();
  await registerPage.fillName('Priya', 'Raman');
  await registerPage.setIdentifier(0, 'mobile', mobile);
  await registerPage.submit.click();
  await expect(registerPage.formError).toBeFocused();
  await expectClearlyInView(page, registerPage.formError);
  await expect(registerPage.formError).toContainText(`Priya Raman, #${id}`);
  await expect(registerPage.formError.getByRole('link', { name: 'Open customer' })).toHaveAttribute(
    'href',
    `/member-care/ui/customer/${id}`,
  );
});

test('a second mobile added in "Change identifiers" leaves one primary badge', async ({ request, customerPage }) => {
  const mobile = uniqueMobile();
  const second = uniqueMobile();
  const id = await registerViaApi(request, 'demo', { firstName: 'Two', lastName: 'Mobiles', mobile });
  await customerPage.gotoAndSettle(id);
  await customerPage.openIdentifiersDialog();
  await customerPage.addIdentifier('mobile', second);
  await expect(customerPage.identifiersDialog).toContainText(`${formatMobile(mobile)} stays the primary mobile`);
  await customerPage.identifiersDialog.getByRole('button', { name: 'Save identifiers' }).click();
  await expect(customerPage.identifiersDialog).toBeHidden();
  const panel = customerPage.activePanel();
  await expect(panel.getByText(formatMobile(second))).toBeVisible();
  await expect(panel.getByText('primary', { exact: true })).toHaveCount(1);
  await expect(
    panel
      .getByRole('listitem')
      .filter({ hasText: formatMobile(mobile) })
      .getByText('primary', { exact: true }),
  ).toBeVisible();
});

test('a mobile typed without the country code and a name with a typo are found', async ({ page, request }) => {
  // A local number as people have one (uniqueMobile's starts with 6–9: a typed leading 0 is the trunk prefix).
  const mobile = uniqueMobile();
  const surname = `Sawyer${mobile.slice(-4).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const id = await registerViaApi(request, 'demo', { firstName: 'Tom', lastName: surname, mobile });
  await page.goto(`/member-care/ui?q=${encodeURIComponent(`0${mobile.slice(2, 7)} ${mobile.slice(7)}`)}`);
  await expect(page.getByRole('link', { name: new RegExp(`Tom ${surname}`) })).toHaveAttribute(
    'href',
    `/member-care/ui/customer/${id}`,
  );
  // One letter dropped from the surname: no prefix matches, one typo is forgiven.
  const typo = surname.slice(0, 4) + surname.slice(5);
  await page.goto(`/member-care/ui?q=${encodeURIComponent(typo)}`);
  await expect(page.getByRole('link', { name: new RegExp(`Tom ${surname}`) })).toBeVisible();
});

test('a search that finds nobody carries the number over to "Register customer"', async ({ page, registerPage }) => {
  const local = uniqueMobile().slice(2);
  await page.goto(`/member-care/ui?q=${local}`);
  await page
    .getByRole('region', { name: `No customer found for “${local}”` })
    .getByRole('link', { name: 'Register customer' })
    .click();
  await expect(page).toHaveURL(/\/member-care\/ui\/register\?q=/);
  await expect(registerPage.identifierRow(0).getByLabel('Identifier value')).toHaveValue(`91${local}`);
});

test('the form loads with focus in the first field; an arrow key on a closed select does not change it', async ({
  page,
  registerPage,
}) => {
  await registerPage.goto();
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  const source = page.getByLabel('Source');
  await source.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(source).toHaveValue('INSTORE');
  const type = registerPage.identifierRow(0).getByLabel('Identifier type');
  await type.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  await expect(type).toHaveValue('mobile');
});

test('fields kept off the counter sit under "More details": collapsed, opened with Enter', async ({
  page,
  registerPage,
}) => {
  await registerPage.goto();
  // The demo shows gender, city and date of birth at the counter (its Registration Configuration).
  await expect(registerPage.section('Extended fields').getByLabel('Gender', { exact: true })).toBeVisible();
  const language = page.getByLabel('Preferred language', { exact: true });
  const employee = page.getByLabel('Employee', { exact: true });
  await expect(language).toBeHidden();
  await expect(employee).toBeHidden();
  await page.locator('summary', { hasText: 'More details' }).focus();
  await page.keyboard.press('Enter');
  await expect(language).toBeVisible();
  await expect(registerPage.section('Other custom fields').getByLabel('Employee', { exact: true })).toBeVisible();
});
