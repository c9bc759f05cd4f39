// Finding a customer from the home page, within the signed-in staff's org only.
import { expect, test } from './fixtures';
import { CUSTOMER_URL } from './pages/customer-page';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueEmail, uniqueMobile } from './support/api';

test.use({ storageState: STAFF_STATE });

test('search by mobile or email finds the customer and opens it', async ({ page, request, customerPage }) => {
  const mobile = uniqueMobile();
  const email = uniqueEmail('noor');
  const id = await registerViaApi(request, 'demo', { firstName: 'Noor', lastName: 'Haddad', mobile, email });

  await page.goto('/member-care/ui');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  await search.fill(`+${mobile.slice(0, 2)} ${mobile.slice(2)}`);
  await search.press('Enter');
  await page.getByRole('link', { name: /Noor Haddad/ }).click();
  await expect(page).toHaveURL(CUSTOMER_URL);
  expect(customerPage.idFromUrl()).toBe(id);

  await page.goto(`/member-care/ui?q=${encodeURIComponent(email.toUpperCase())}`);
  await expect(page.getByRole('link', { name: /Noor Haddad/ })).toHaveAttribute(
    'href',
    `/member-care/ui/customer/${id}`,
  );
});

test("another org's customer is never found; an empty result offers to register", async ({ page, request }) => {
  const mobile = uniqueMobile();
  await registerViaApi(request, 'other', { firstName: 'Olga', lastName: 'Other', mobile });
  await page.goto(`/member-care/ui?q=${mobile}`);
  const empty = page.getByRole('region', { name: `No customer found for “${mobile}”` });
  await empty.getByRole('link', { name: 'Register customer' }).click();
  await expect(page).toHaveURL(/\/member-care\/ui\/register\?q=/);
});
