// The form checks with the API's own schema before anything is sent.
import { expect, test } from './fixtures';
import { ADMIN_STATE, STAFF_STATE } from './support/accounts';
import { uniqueMobile } from './support/api';

test.use({ storageState: STAFF_STATE });

test('an invalid email is caught in the browser: no request is sent', async ({ registerPage, registrationPosts }) => {
  await registerPage.goto();
  await registerPage.setIdentifier(0, 'mobile', uniqueMobile());
  await registerPage.addIdentifier('email', 'not-an-email');
  await registerPage.submit.click();

  const emailValue = registerPage.identifierRow(1).getByLabel('Identifier value');
  await expect(emailValue).toHaveAttribute('aria-invalid', 'true');
  await expect(registerPage.identifierRow(1).getByRole('alert')).toHaveText('Invalid email id');
  await expect(emailValue).toBeFocused();
  expect(registrationPosts).toEqual([]);

  // Fixing it clears the message as the cashier types.
  await emailValue.fill('fixed@example.com');
  await expect(emailValue).not.toHaveAttribute('aria-invalid', 'true');
  expect(registrationPosts).toEqual([]);
});

test('an invalid primary mobile and an extended field outside its values are caught too', async ({
  page,
  registerPage,
  registrationPosts,
}) => {
  await registerPage.goto();
  await registerPage.setIdentifier(0, 'mobile', '98765abc');
  await registerPage.openMoreDetails();
  await registerPage.setField('Preferred language', 'Klingon');
  await registerPage.submit.click();
  await expect(registerPage.identifierRow(0).getByRole('alert')).toHaveText(
    'Error in customer registration: Invalid Primary Id - 98765abc',
  );
  await expect(page.getByLabel('Preferred language')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Invalid extended field value: preferred_language')).toBeVisible();
  expect(registrationPosts).toEqual([]);
});

test.describe('as an admin (points are theirs to set)', () => {
  test.use({ storageState: ADMIN_STATE });

  test('negative points are refused by the schema before anything is sent', async ({
    page,
    registerPage,
    registrationPosts,
  }) => {
    await registerPage.goto();
    await registerPage.setIdentifier(0, 'mobile', uniqueMobile());
    await registerPage.setField('Loyalty program', '469');
    await registerPage.setField('Points', '-5');
    await registerPage.submit.click();
    await expect(page.getByLabel('Points', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(registrationPosts).toEqual([]);
  });
});
