// Member care after registration: find a customer as they are typed, fix their profile, replace an
// identifier, change the status, read the history, and never overwrite someone else's change.
import { formatMobile } from '@/components/customer/format';
import { expect, test } from './fixtures';
import { CUSTOMER_URL, CustomerPage } from './pages/customer-page';
import { HomePage } from './pages/home-page';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueEmail, uniqueMobile } from './support/api';
import { checkAccessibility } from './support/axe';
import { saveScreenshot } from './support/screenshot';

test.use({ storageState: STAFF_STATE });

/** The titles of the history's entries as listed, newest first ("Identifier added", …). */
async function historyTitles(customerPage: CustomerPage): Promise<string[]> {
  const labels = await customerPage.history
    .getByRole('article')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.split(',')[0] ?? '');
}

test('staff finds Priya by typing, fixes her last name, replaces her mobile, and reads both in the history', async ({
  page,
  request,
  customerPage,
}, testInfo) => {
  const oldMobile = uniqueMobile();
  const newMobile = uniqueMobile();
  const id = await registerViaApi(request, 'demo', {
    firstName: 'Priya',
    lastName: 'Sharma',
    mobile: oldMobile,
    email: uniqueEmail('priya'),
  });

  // Suggestions while typing; the keyboard picks her.
  const home = new HomePage(page);
  await home.goto();
  await home.type('pri sha');
  await expect(home.suggestions).toBeVisible();
  await expect(home.searchBox).toHaveAttribute('aria-expanded', 'true');
  await home.pickByKeyboard(`#${id}`);
  await expect(page).toHaveURL(CUSTOMER_URL);
  expect(customerPage.idFromUrl()).toBe(id);
  await expect(customerPage.heading).toHaveText('Priya Sharma');
  await page.waitForLoadState('networkidle');

  // Her last name, in the form registration uses.
  await customerPage.openProfileForm();
  const form = customerPage.profileForm;
  await expect(form.getByLabel('First name', { exact: true })).toBeFocused();
  await expect(form.getByLabel('First name', { exact: true })).toHaveValue('Priya');
  await form.getByLabel('Last name', { exact: true }).fill('Sharma Iyer');
  await saveScreenshot(page, testInfo, 'edit-profile-form');
  await customerPage.saveProfile();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(customerPage.heading).toHaveText('Priya Sharma Iyer');
  await expect(customerPage.editProfileButton).toBeFocused();

  // Her new mobile: the old one removed and the new one added in one save.
  await customerPage.openIdentifiersDialog();
  const dialog = customerPage.identifiersDialog;
  // Listed as people read a number (stored as digits).
  const current = customerPage.currentIdentifier(formatMobile(oldMobile));
  await current.getByRole('button', { name: 'Remove identifier' }).click();
  await expect(current).toContainText('To be removed');
  await customerPage.addIdentifier('mobile', newMobile);
  await saveScreenshot(page, testInfo, 'change-identifiers-dialog');
  await dialog.getByRole('button', { name: 'Save identifiers' }).click();
  await expect(dialog).toBeHidden();
  await expect(customerPage.changeIdentifiersButton).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Identifiers saved.' })).toBeVisible();
  const panel = customerPage.activePanel();
  await expect(panel.getByText(formatMobile(newMobile)).first()).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: formatMobile(oldMobile) })).toHaveCount(0);

  // Both changes in the history, newest first, each with its before and after.
  const history = customerPage.history;
  await expect(history.getByRole('heading', { name: 'History' })).toBeVisible();
  const removed = customerPage.historyEntry('Identifier removed');
  const added = customerPage.historyEntry('Identifier added');
  const updated = customerPage.historyEntry('Profile updated');
  await expect(customerPage.changeRow(removed, 'Mobile · INSTORE')).toContainText(formatMobile(oldMobile));
  await expect(customerPage.changeRow(added, 'Mobile · INSTORE')).toContainText(formatMobile(newMobile));
  const lastName = customerPage.changeRow(updated, 'Last name · INSTORE');
  await expect(lastName.getByRole('cell')).toHaveText(['Sharma', '→Sharma Iyer']);
  await expect(updated).toContainText('Staff user staff@demo.example');
  const titles = await historyTitles(customerPage);
  expect(titles.slice(0, 2).sort()).toEqual(['Identifier added', 'Identifier removed']);
  expect(titles.slice(2)).toEqual(['Profile updated', 'Registered']);
  await checkAccessibility(page);
  await saveScreenshot(page, testInfo, 'history');
});

test('two clerks edit the same customer: the second is told, keeps what was typed, and can reload', async ({
  browser,
  request,
}) => {
  const id = await registerViaApi(request, 'demo', { firstName: 'Meera', lastName: 'Nair', mobile: uniqueMobile() });
  const contexts = [
    await browser.newContext({ storageState: STAFF_STATE }),
    await browser.newContext({ storageState: STAFF_STATE }),
  ];
  try {
    const [first, second] = await Promise.all(contexts.map(async (c) => new CustomerPage(await c.newPage())));
    if (!first || !second) throw new Error('two pages expected');
    await first.gotoAndSettle(id);
    await second.gotoAndSettle(id);
    await first.openProfileForm();
    await second.openProfileForm();

    await first.profileForm.getByLabel('Last name', { exact: true }).fill('Nair-Menon');
    await first.saveProfile();
    await expect(first.page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

    await second.profileForm.getByLabel('First name', { exact: true }).fill('Meerabai');
    await second.saveProfile();
    await expect(second.staleNotice).toBeVisible();
    await expect(second.profileForm.getByLabel('First name', { exact: true })).toHaveValue('Meerabai');
    await expect(second.profileForm.getByLabel('Last name', { exact: true })).toHaveValue('Nair');

    await second.staleNotice.getByRole('button', { name: 'Reload' }).click();
    await expect(second.profileForm.getByLabel('Last name', { exact: true })).toHaveValue('Nair-Menon');
    await expect(second.staleNotice).toHaveCount(0);
    await second.profileForm.getByLabel('First name', { exact: true }).fill('Meerabai');
    await second.saveProfile();
    await expect(second.heading).toHaveText('Meerabai Nair-Menon');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test('an identifier another customer holds is refused next to the field, with a link to its holder', async ({
  page,
  request,
  customerPage,
}) => {
  const email = uniqueEmail('held');
  const holder = await registerViaApi(request, 'demo', {
    firstName: 'Holder',
    lastName: 'One',
    mobile: uniqueMobile(),
    email,
  });
  const id = await registerViaApi(request, 'demo', { firstName: 'Other', lastName: 'Two', mobile: uniqueMobile() });
  await customerPage.gotoAndSettle(id);
  await customerPage.openIdentifiersDialog();
  const row = await customerPage.addIdentifier('email', email);
  await customerPage.identifiersDialog.getByRole('button', { name: 'Save identifiers' }).click();

  const value = row.getByLabel('Identifier value');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(row.getByRole('alert')).toContainText(`belongs to customer ${holder}`);
  await expect(value).toBeFocused();
  await checkAccessibility(page);
  await expect(customerPage.identifiersDialog.getByRole('alert').last()).toContainText(`Holder One, #${holder}`);
  await customerPage.identifiersDialog.getByRole('link', { name: 'Open customer' }).click();
  await expect(page).toHaveURL(new RegExp(`/member-care/ui/customer/${holder}$`));
  await expect(customerPage.heading).toHaveText('Holder One');
});

test('a new status label with its reason, by keyboard alone, lands in the history', async ({
  page,
  request,
  customerPage,
}) => {
  const id = await registerViaApi(request, 'demo', { firstName: 'Ravi', lastName: 'Kumar', mobile: uniqueMobile() });
  await customerPage.gotoAndSettle(id);
  const edit = page.getByRole('button', { name: 'Edit details' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const status = page.getByLabel('Status label');
  await expect(status).toBeFocused();
  await page.keyboard.type('Gold');
  await expect(status).toHaveValue('Gold Member');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reason')).toBeFocused();
  await page.keyboard.type('Spent over 10,000 this year');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
  await expect(edit).toBeFocused();
  await expect(page.getByText('Gold Member · ACTIVE')).toBeVisible();
  const entry = customerPage.historyEntry('Status changed');
  await expect(entry).toContainText('Reason: Spent over 10,000 this year');
  await expect(customerPage.changeRow(entry, 'Status label').getByRole('cell')).toHaveText(['—', '→Gold Member']);
});

test('suggestions say when nothing matches, Escape closes them, and Enter still searches', async ({
  page,
  request,
}) => {
  const mobile = uniqueMobile();
  await registerViaApi(request, 'demo', { firstName: 'Zubin', lastName: 'Wadia', mobile });
  const home = new HomePage(page);
  await home.goto();
  await home.type('qxzv');
  await expect(home.status).toContainText('No customer matches “qxzv”');
  await expect(home.suggestions).toBeHidden();

  await home.searchBox.fill('');
  await home.type('zubin wad');
  await expect(home.suggestions.getByRole('option').filter({ hasText: 'Zubin Wadia' })).toBeVisible();
  await home.searchBox.press('Escape');
  await expect(home.suggestions).toBeHidden();
  await expect(home.searchBox).toHaveValue('zubin wad');
  await home.searchBox.press('Enter');
  await expect(page).toHaveURL(/\?q=zubin\+wad$/);
  await expect(page.getByRole('link', { name: /Zubin Wadia/ })).toBeVisible();
});
