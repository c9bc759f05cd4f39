// The Webhooks page (UI contract, "Events and imports"): an admin adds a webhook by keyboard pointing at
// a real receiver on this machine, copies its signing secret, and a registration arrives there signed
// with it and shows as delivered in the log; a receiver answering 400 shows a failed delivery that
// "Send again" sends again. Each test deletes its webhook (with the confirmation) so others' registrations
// are not sent on. Store staff get the 403 page (e2e/admin.spec.ts, the access matrix).
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN_STATE } from './support/accounts';
import { registerViaApi, uniqueMobile } from './support/api';
import { checkAccessibility } from './support/axe';
import { tabTo } from './support/keyboard';

const URL = '/member-care/ui/settings/webhooks';

interface Received {
  signature: string;
  body: string;
  customerId: number | null;
}

/** A receiver on loopback that records each request and answers what `answer` says. */
async function startReceiver(answer: () => number) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let customerId: number | null = null;
      try {
        customerId = (JSON.parse(body) as { attributes: { data: { customerId: number } } }).attributes.data.customerId;
      } catch {
        customerId = null;
      }
      received.push({ signature: String(req.headers['x-mc-signature'] ?? ''), body, customerId });
      res.writeHead(answer()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** X-MC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. */
function verifies(signature: string, body: string, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
  if (!m) return false;
  return createHmac('sha256', secret).update(`${m[1]}.${body}`).digest('hex') === m[2];
}

/** Adds a webhook for customerAdded by keyboard alone; answers the secret shown once. */
async function addWebhook(page: Page, name: string, url: string): Promise<string> {
  await tabTo(page, page.getByRole('button', { name: 'Add webhook' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add webhook' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(url);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'customerAdded' })).toBeFocused();
  await page.keyboard.press('Space');
  await checkAccessibility(page);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const shown = page.getByTestId('shown-once');
  await expect(shown).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('customerAdded');
  return (await shown.textContent())!.trim();
}

/** Deletes the webhook by keyboard, through its confirmation. */
async function deleteWebhook(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: `Delete ${name}` }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: `Delete webhook ${name}?` });
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: 'Delete webhook' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
}

async function openDeliveries(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name: `Deliveries of ${name}` }));
  await page.keyboard.press('Enter');
  return page.getByRole('table', { name: `Deliveries of ${name}` });
}

test.describe('as the demo admin', () => {
  test.use({ storageState: ADMIN_STATE, permissions: ['clipboard-read', 'clipboard-write'] });

  test('adds a webhook by keyboard, copies the secret; a registration is delivered, signed with it', async ({
    page,
    request,
  }) => {
    const receiver = await startReceiver(() => 200);
    try {
      const name = `Warehouse ${randomUUID().slice(0, 8)}`;
      await page.goto(URL);
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }),
      ).toHaveAttribute('aria-current', 'page');
      const shownSecret = await addWebhook(page, name, receiver.url);

      await tabTo(page, page.getByRole('button', { name: 'Copy' }));
      await page.keyboard.press('Enter');
      await expect(page.getByText('Copied')).toBeVisible();
      const secret = await page.evaluate(() => navigator.clipboard.readText());
      expect(secret).toBe(shownSecret);

      const customerId = await registerViaApi(request, 'demo', {
        firstName: 'Hook',
        lastName: 'Test',
        mobile: uniqueMobile(),
      });
      const log = await openDeliveries(page, name);
      const row = log.getByRole('row', { name: new RegExp(`#${customerId}\\b`) });
      await expect(row).toContainText('Delivered', { timeout: 20_000 });
      await expect(row).toContainText('HTTP 200');

      const ours = receiver.received.filter((r) => r.customerId === customerId);
      expect(ours).toHaveLength(1);
      expect(verifies(ours[0]!.signature, ours[0]!.body, secret)).toBe(true);
      expect(verifies(ours[0]!.signature, ours[0]!.body, `${secret}x`)).toBe(false);

      await page.reload();
      await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Delivered');
      await deleteWebhook(page, name);
    } finally {
      await receiver.close();
    }
  });

  test('a receiver answering 400 shows a failed delivery; "Send again" sends it again; edit and delete', async ({
    page,
    request,
  }) => {
    let answer = 400;
    const receiver = await startReceiver(() => answer);
    try {
      const name = `Refuser ${randomUUID().slice(0, 8)}`;
      await page.goto(URL);
      await page.waitForLoadState('networkidle');
      await addWebhook(page, name, receiver.url);
      const customerId = await registerViaApi(request, 'demo', {
        firstName: 'Hook',
        lastName: 'Refused',
        mobile: uniqueMobile(),
      });
      const log = await openDeliveries(page, name);
      const row = log.getByRole('row', { name: new RegExp(`#${customerId}\\b`) });
      // The log follows a pending delivery until it is delivered or fails.
      await expect(row).toContainText('Failed', { timeout: 20_000 });
      await expect(row).toContainText('HTTP 400');

      answer = 200;
      await tabTo(page, row.getByRole('button', { name: 'Send again' }));
      await page.keyboard.press('Enter');
      await expect(row).toContainText('Delivered', { timeout: 20_000 });
      await expect(row.getByRole('cell').nth(2)).toHaveText('2');
      const ours = receiver.received.filter((r) => r.customerId === customerId);
      expect(ours).toHaveLength(2);
      expect(JSON.parse(ours[1]!.body)).toMatchObject({ eventId: JSON.parse(ours[0]!.body).eventId });

      // Edit: no longer active.
      await tabTo(page, page.getByRole('button', { name: `Edit ${name}` }));
      await page.keyboard.press('Enter');
      const edit = page.getByRole('dialog', { name: `Edit webhook ${name}` });
      await expect(edit.getByLabel('URL')).toHaveValue(receiver.url);
      await tabTo(page, edit.getByRole('checkbox', { name: 'Active' }));
      await page.keyboard.press('Space');
      await tabTo(page, edit.getByRole('button', { name: 'Save webhook' }));
      await page.keyboard.press('Enter');
      await expect(edit).toBeHidden();
      await expect(
        page
          .getByRole('row', { name: new RegExp(name) })
          .getByRole('cell')
          .nth(2),
      ).toHaveText('No');

      await deleteWebhook(page, name);
    } finally {
      await receiver.close();
    }
  });
});
