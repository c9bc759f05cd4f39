// Requests (issue 20) through the browser, by keyboard alone: staff ask for a merge from the customer
// page, a supervisor approves it from the queue, the victim's page leads to the survivor with the
// notice, "Undo merge" gives both back; and a deletion request states its waiting period.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { STAFF_STATE } from './support/accounts';
import { registerViaApi, uniqueMobile } from './support/api';
import { checkAccessibility } from './support/axe';
import { tabTo } from './support/keyboard';

test.use({ storageState: STAFF_STATE });

const SUPERVISOR = { email: 'supervisor@demo.example', password: 'Super@12345' };

/** A name no other customer has: letters only, as names are. */
function uniqueName(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let i = 0; i < 8; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `Mq${s}`;
}

async function openCustomer(page: Page, id: number) {
  await page.goto(`/member-care/ui/customer/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

test('staff request a merge, a supervisor approves it, the victim leads to the survivor, and "Undo merge" restores both', async ({
  page,
  request,
}) => {
  // The longest flow here: two sign-ins, seven pages, four axe runs; on a shared machine it outruns 90 s.
  test.slow();
  const victimName = uniqueName();
  const survivorName = uniqueName();
  // Different source accounts: two INSTORE mobiles would block the merge (the preview says so).
  const victim = await registerViaApi(request, 'demo', {
    firstName: 'Asha',
    lastName: victimName,
    mobile: uniqueMobile(),
    source: 'TMALL',
  });
  const survivor = await registerViaApi(request, 'demo', {
    firstName: 'Asha',
    lastName: survivorName,
    mobile: uniqueMobile(),
  });

  // Staff, on the victim's page: the dialog, by keyboard.
  await openCustomer(page, victim);
  const open = page.getByRole('button', { name: 'Merge with another customer…' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Merge customer #${victim} with another customer` });
  await expect(dialog).toBeVisible();
  const search = dialog.getByLabel('Find the other customer');
  await tabTo(page, search);
  await page.keyboard.type(survivorName);
  await expect(dialog.getByRole('status').filter({ hasText: '1 customer found.' })).toBeVisible();
  const other = dialog
    .getByRole('group', { name: 'Other customer' })
    .getByRole('radio', { name: new RegExp(`#${survivor}\\b`) });
  await tabTo(page, other);
  await page.keyboard.press('Space');
  await expect(other).toBeChecked();
  // The other one survives: the arrow key moves the choice within its group.
  const thisOne = dialog.getByRole('radio', { name: `This customer, #${victim}` });
  await expect(thisOne).toBeChecked();
  await tabTo(page, thisOne);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: `The other customer, #${survivor}` })).toBeChecked();
  await expect(dialog.getByText(`After the merge, customer #${survivor} holds:`)).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await checkAccessibility(page);
  const submit = dialog.getByRole('button', { name: 'Request merge' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const done = dialog.getByRole('status').filter({ hasText: /^Request \d+ is pending/ });
  await expect(done).toBeVisible();
  const requestId = Number(/^Request (\d+)/.exec((await done.textContent()) ?? '')?.[1]);
  expect(requestId).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // Staff see their own request in the queue but cannot approve it.
  await page.goto('/member-care/ui/requests');
  const staffRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(requestId), exact: true }) });
  await expect(staffRow).toContainText('Waiting for someone else to approve');
  await expect(staffRow.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  // Its preview: what would move from the victim to the survivor.
  const queued = staffRow.getByRole('region', { name: `Preview of request ${requestId}` });
  await expect(queued).toContainText(`What moves from #${victim} to #${survivor}:`);
  await expect(
    queued.getByRole('table', { name: `What the merge of #${victim} into #${survivor} changes` }),
  ).toContainText('Source account · TMALL');

  // The supervisor signs in and approves it from the queue.
  await page.context().clearCookies();
  const login = new LoginPage(page);
  await login.goto('/member-care/ui/requests');
  await login.signIn(SUPERVISOR.email, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/member-care\/ui\/requests$/);
  await page.waitForLoadState('networkidle');
  await checkAccessibility(page);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(requestId), exact: true }) });
  await tabTo(page, row.getByLabel(`Comments for request ${requestId}`));
  await page.keyboard.type('Same person, two mobiles');
  await tabTo(page, row.getByRole('button', { name: 'Approve' }));
  await page.keyboard.press('Enter');
  await expect(row.getByRole('cell', { name: 'COMPLETED', exact: true })).toBeVisible();

  // The victim's page is the survivor's, which says so; "Undo merge" gives both back.
  await page.goto(`/member-care/ui/customer/${victim}`);
  await expect(page).toHaveURL(new RegExp(`/member-care/ui/customer/${survivor}$`));
  await page.waitForLoadState('networkidle');
  const notice = page.getByRole('status').filter({ hasText: `Customer #${victim} was merged into this one on ` });
  await expect(notice).toBeVisible();
  await checkAccessibility(page);
  const undo = notice.getByRole('button', { name: 'Undo merge' });
  await tabTo(page, undo);
  await page.keyboard.press('Enter');
  await expect(notice).toBeHidden();
  await openCustomer(page, victim);
  await expect(page).toHaveURL(new RegExp(`/member-care/ui/customer/${victim}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(victimName);
});

test('a deletion request states the waiting period', async ({ page, request }) => {
  const id = await registerViaApi(request, 'demo', {
    firstName: 'Ravi',
    lastName: uniqueName(),
    mobile: uniqueMobile(),
  });
  await openCustomer(page, id);
  await expect(
    page.getByText(/^Deleted (as soon as it is approved|\d+ days after it is approved); the loyalty points stay\.$/),
  ).toBeVisible();
  const ask = page.getByRole('button', { name: 'Request deletion of personal data' });
  await tabTo(page, ask);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({
      hasText: /^Request \d+ is pending\. Once approved, the personal data is deleted (at once|after \d+ days)\.$/,
    }),
  ).toBeVisible();
});

test('staff cancel their own pending request from the queue', async ({ page, request }) => {
  const id = await registerViaApi(request, 'demo', {
    firstName: 'Mira',
    lastName: uniqueName(),
    mobile: uniqueMobile(),
  });
  await openCustomer(page, id);
  const ask = page.getByRole('button', { name: 'Request deletion of personal data' });
  await tabTo(page, ask);
  await page.keyboard.press('Enter');
  const done = page.getByRole('status').filter({ hasText: /^Request \d+ is pending\./ });
  await expect(done).toBeVisible();
  const requestId = Number(/^Request (\d+)/.exec((await done.textContent()) ?? '')?.[1]);
  expect(requestId).toBeGreaterThan(0);

  await page.goto('/member-care/ui/requests');
  await page.waitForLoadState('networkidle');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(requestId), exact: true }) });
  await expect(row).toContainText('Waiting for someone else to approve');
  await checkAccessibility(page);
  await tabTo(page, row.getByLabel(`Comments for request ${requestId}`));
  await page.keyboard.type('Asked by mistake');
  await tabTo(page, row.getByRole('button', { name: `Cancel request ${requestId}` }));
  await page.keyboard.press('Enter');
  await expect(row.getByRole('cell', { name: 'CANCELLED', exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Cancel request ${requestId}` })).toHaveCount(0);
  // Nothing is open for the customer any more: a deletion can be asked for again (8109 while one is).
  await openCustomer(page, id);
  await tabTo(page, ask);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`^Request (?!${requestId}\\b)\\d+ is pending\\.`) }),
  ).toBeVisible();
});
