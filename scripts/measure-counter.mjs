#!/usr/bin/env node
// Measures the counter (ui-contract.md, "The counter, fast", last bullet), not asserted in a test:
//   1. the key presses beyond typing the values to register a customer with a mobile, an email and
//      two names, by keyboard alone, from the register page as it loads (focus in First name);
//   2. the time from the first keystroke in the home page's search to the customer's page, for a
//      known customer (one of the demo's sample customers, by mobile);
// and saves a screenshot of the register form (docs/images/register-form.png).
// usage: BASE_URL=http://127.0.0.1:3000 node scripts/measure-counter.mjs
//   against a running app with the demo data (npm start, or the server scripts/e2e.mjs starts);
//   signs in as staff@demo.example. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, baseURL: base });

let presses = 0;
/** A key press that counts: Tab, Shift+Tab, Enter, a type-ahead letter in a select. */
async function press(key) {
  presses++;
  await page.keyboard.press(key);
}
/** Typing a value: its characters are the value, not counted. */
const type = (text) => page.keyboard.type(text);
async function tabTo(locator) {
  for (let i = 0; i < 200; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await press('Tab');
  }
  throw new Error(`never reached ${locator}`);
}

await page.goto('/login');
await page.getByLabel('Email').fill('staff@demo.example');
await page.getByLabel('Password').fill('Staff@12345');
await page.getByRole('button', { name: /sign in/i }).click();
await page.waitForURL(/member-care\/ui/);

// 1. Register by keyboard.
await page.goto('/member-care/ui/register');
await page.waitForLoadState('networkidle');
await page.getByLabel('First name', { exact: true }).waitFor();
await page.screenshot({ path: 'docs/images/register-form.png', fullPage: false });
const stamp = String(Date.now()).slice(-8);
const mobile = `9197${stamp}`;
await type('Measured');
await tabTo(page.getByLabel('Last name', { exact: true }));
await type(`Clerk${stamp}`);
const row = (n) => page.getByRole('group', { name: `Identifier ${n}` });
await tabTo(row(1).getByLabel('Identifier value'));
await type(mobile);
await tabTo(page.getByRole('button', { name: 'Add identifier' }));
await press('Enter');
// The new row offers the next type not yet given, with focus in its value: its type is chosen only
// when it is not already Email (back to the type, type-ahead, forward again).
if ((await row(2).getByLabel('Identifier type').inputValue()) !== 'email') {
  await press('Shift+Tab');
  await press('e'); // type-ahead: Email
}
await tabTo(row(2).getByLabel('Identifier value'));
await type(`measured.${stamp}@example.com`);
await press('Enter'); // submits the form from a text field
await page.waitForURL(/\/member-care\/ui\/customer\/\d+/);
const registerPresses = presses;

// 2. Find a known customer from the home page and open them.
await page.goto('/member-care/ui');
await page.waitForLoadState('networkidle');
const search = page.getByRole('combobox').or(page.getByRole('searchbox')).first();
await search.focus();
const started = performance.now();
await type(mobile.slice(2));
await press('Enter');
const link = page.getByRole('link', { name: new RegExp(`Measured Clerk${stamp}`) }).first();
await link.waitFor();
await link.focus();
await page.keyboard.press('Enter');
await page.getByRole('heading', { name: `Measured Clerk${stamp}` }).waitFor();
const findMs = Math.round(performance.now() - started);

console.log(JSON.stringify({ registerPresses, findMs, base }));
await browser.close();
