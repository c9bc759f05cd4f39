// Who may see what: orgs never see each other's customers; signed-out visitors sign in first.
import { expect, test } from './fixtures';
import { STAFF, STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueMobile } from './support/api';
import { tabTo } from './support/keyboard';

test.describe('signed in as demo staff', () => {
  test.use({ storageState: STAFF_STATE });

  test('a customer of org `other` is a 404, like an unknown id', async ({ page, request, customerPage }) => {
    const otherId = await registerViaApi(request, 'other', {
      firstName: 'Olga',
      lastName: 'Other',
      mobile: uniqueMobile(),
    });
    const response = await customerPage.goto(otherId);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
    await expect(page.getByText('Olga')).toHaveCount(0);

    const unknown = await customerPage.goto(999_999_999_999);
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
  });

  test('the session cookie cannot register from another site', async ({ page }) => {
    const res = await page.request.post('/v2/customers', {
      headers: { origin: 'https://evil.example' },
      data: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
    });
    expect(res.status()).toBe(401);
  });
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor is sent to /login and back after signing in', async ({ page, loginPage }) => {
    await page.goto('/member-care/ui/register');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmember-care%2Fui%2Fregister$/);
    await loginPage.signIn(STAFF.email, STAFF.password);
    await expect(page).toHaveURL(/\/member-care\/ui\/register$/);
    await expect(page.getByRole('heading', { name: 'Register customer' })).toBeVisible();
  });

  test('signing in by keyboard alone: Tab to each field, type, Enter', async ({ page, loginPage }) => {
    await loginPage.goto();
    await tabTo(page, loginPage.email, 10);
    await page.keyboard.type(STAFF.email);
    await page.keyboard.press('Tab');
    await expect(loginPage.password).toBeFocused();
    await page.keyboard.type(STAFF.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/member-care\/ui$/);
    await expect(page.getByText(STAFF.name)).toBeVisible();
  });

  test('wrong credentials get one message that does not say which part was wrong', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(STAFF.email, 'wrong-password');
    await expect(loginPage.error).toHaveText('Email or password is incorrect.');
    await loginPage.signIn('nobody@demo.example', STAFF.password);
    await expect(loginPage.error).toHaveText('Email or password is incorrect.');
  });

  test('sign-in attempts are throttled', async ({ loginPage }) => {
    const email = `throttle-${Date.now()}@demo.example`;
    await loginPage.goto();
    // Ten failures for one email from one address (docs/api.md, "Guessing credentials").
    for (let i = 0; i < 10; i++) {
      await loginPage.signIn(email, `guess-${i}`);
      await expect(loginPage.error).toHaveText('Email or password is incorrect.');
    }
    await loginPage.signIn(email, 'guess-11');
    await expect(loginPage.error).toHaveText(/^Too many attempts, try again in 1[45] minutes$/);
  });

  test('the API without credentials answers 401', async ({ request }) => {
    const res = await request.get('/v2/customers/100000001');
    expect(res.status()).toBe(401);
  });
});
