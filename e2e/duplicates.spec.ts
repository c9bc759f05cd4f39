// The same mobile again: 8006 with a link to the customer; in another source it joins that customer.
import { formatMobile } from '@/components/customer/format';
import { expect, test } from './fixtures';
import { CUSTOMER_URL } from './pages/customer-page';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueMobile } from './support/api';

test.use({ storageState: STAFF_STATE });

test('registering the same mobile again shows 8006 with a link; in LINE it adds a second tab', async ({
  page,
  request,
  registerPage,
  customerPage,
}) => {
  const mobile = uniqueMobile();
  const id = await registerViaApi(request, 'demo', { firstName: 'Mei', lastName: 'Tanaka', mobile });

  await registerPage.goto();
  await registerPage.fillName('Mei', 'Tanaka');
  await registerPage.setIdentifier(0, 'mobile', mobile);
  await registerPage.submit.click();
  await expect(registerPage.formError).toContainText(`Customer already exists with id ${id} for same source`);
  await expect(registerPage.formError).toContainText(`Mei Tanaka, #${id}`);
  const link = registerPage.formError.getByRole('link', { name: 'Open customer' });
  await expect(link).toHaveAttribute('href', `/member-care/ui/customer/${id}`);
  await expect(page).toHaveURL(/\/member-care\/ui\/register$/);

  await registerPage.chooseSource('LINE', '2001914141242');
  await registerPage.submit.click();
  await expect(page).toHaveURL(CUSTOMER_URL);
  expect(customerPage.idFromUrl()).toBe(id);
  await expect(customerPage.tabs).toHaveText(['INSTORE', 'LINE · 2001914141242']);
  await expect(customerPage.outcome).toContainText('Same Customer found in other sources, Combining');

  await customerPage.tab('LINE · 2001914141242').click();
  await expect(customerPage.activePanel().getByText(formatMobile(mobile))).toBeVisible();
});

test('the link of the 8006 message opens the existing customer', async ({
  page,
  request,
  registerPage,
  customerPage,
}) => {
  const mobile = uniqueMobile();
  const id = await registerViaApi(request, 'demo', { firstName: 'Ravi', lastName: 'Iyer', mobile });
  await registerPage.goto();
  await registerPage.setIdentifier(0, 'mobile', `+${mobile}`);
  await registerPage.submit.click();
  await registerPage.formError.getByRole('link', { name: 'Open customer' }).click();
  await expect(page).toHaveURL(new RegExp(`/member-care/ui/customer/${id}$`));
  await expect(customerPage.heading).toHaveText('Ravi Iyer');
});
