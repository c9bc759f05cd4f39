// Every instance follows a save: scripts/e2e.mjs starts a second `next start` of the same build on
// the same database (BASE_URL_2). A save through the first server is obeyed by the second's very
// next API request and form render: its cached configuration is dropped by NOTIFY (docs/architecture.md).
// Org `other` is the one saved here (its admin exists for this), so the demo org's specs are not
// disturbed; only a source nobody else uses (TMALL) is switched on, then off again.
import { expect, test } from './fixtures';
import { OTHER_ADMIN } from './support/accounts';
import { basicAuth, TILLS, uniqueMobile } from './support/api';

const SERVER_2 = process.env.BASE_URL_2!;

test.use({ storageState: { cookies: [], origins: [] } });

test('a source switched on and off through server 1 is obeyed at once by server 2', async ({
  page,
  request,
  loginPage,
  settingsPage,
}) => {
  test.slow(); // two saves, and pages of two servers
  /** Server 2's answer to a TMALL registration by org other's till: its status and error codes. */
  const registerOnServer2 = async () => {
    const res = await request.post(`${SERVER_2}/v2/customers`, {
      headers: { authorization: basicAuth(TILLS.other) },
      data: { profiles: [{ source: 'TMALL', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
    });
    const body = await res.json();
    return { status: res.status(), codes: ((body.errors ?? []) as { code: number }[]).map((e) => e.code) };
  };
  const sourceOptionsOnServer2 = async () => {
    await page.goto(`${SERVER_2}/member-care/ui/register`);
    await expect(page.getByRole('heading', { name: 'Register customer' })).toBeVisible();
    return page.getByLabel('Source').locator('option').allTextContents();
  };
  const tmall = settingsPage.section('Sources and accounts').getByLabel('TMALL', { exact: true });

  // Server 2 has org other's configuration cached: TMALL is refused (3217) and not offered.
  expect(await registerOnServer2()).toEqual({ status: 400, codes: [3217] });
  await loginPage.goto('/member-care/ui/settings/registration');
  await loginPage.signIn(OTHER_ADMIN.email, OTHER_ADMIN.password);
  await settingsPage.heading.waitFor();
  expect(await sourceOptionsOnServer2()).not.toContain('TMALL');

  await settingsPage.goto('Sources');
  await tmall.check();
  await settingsPage.save();
  await expect(settingsPage.saved).toBeVisible();
  expect(await registerOnServer2()).toEqual({ status: 200, codes: [] });
  expect(await sourceOptionsOnServer2()).toContain('TMALL');

  await settingsPage.goto('Sources');
  await tmall.uncheck();
  await settingsPage.save();
  await expect(settingsPage.saved).toBeVisible();
  expect(await registerOnServer2()).toEqual({ status: 400, codes: [3217] });
  expect(await sourceOptionsOnServer2()).not.toContain('TMALL');
});
