// Page objects and helpers as Playwright fixtures, so specs read as what a person does; and the
// accessibility check every test gets without asking: import { test, expect } from './fixtures'.
import { expect, test as base } from '@playwright/test';
import { CustomerPage } from './pages/customer-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { SettingsPage } from './pages/settings-page';
import { checkAccessibility, checkAccessibilityAt, pageUrl, trackAccessibility } from './support/axe';

interface Fixtures {
  loginPage: LoginPage;
  registerPage: RegisterPage;
  customerPage: CustomerPage;
  settingsPage: SettingsPage;
  /** Every POST /v2/customers the page sends, as it sends it. */
  registrationPosts: string[];
}

export const test = base.extend<Fixtures>({
  // Every page the test's tab showed is checked with axe-core (e2e/support/axe.ts): those the page
  // objects opened, as they opened them; once the test has passed, the tab as the test left it and
  // every other URL it navigated to. Any serious or critical violation fails the test, all of them
  // listed. A test that failed already is not checked: its own failure says more.
  page: async ({ page, baseURL }, provide, testInfo) => {
    const record = trackAccessibility(page);
    // Errors the page itself reports (a hydration mismatch, an uncaught exception) fail the test too.
    // An answer with an error status is logged by the browser as "Failed to load resource": the
    // tests cause those on purpose (409, 403, 404), and check them themselves.
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));
    const visited = new Set<string>();
    const origin = baseURL ? new URL(baseURL).origin : undefined;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (url.startsWith('http') && (!origin || new URL(url).origin === origin)) visited.add(pageUrl(url));
    });
    await provide(page);
    if (testInfo.status !== testInfo.expectedStatus) return;
    expect(consoleErrors, 'errors in the browser console').toEqual([]);
    if (visited.size === 0) return;

    if (!page.isClosed()) await checkAccessibility(page);
    for (const url of visited) {
      if (!record.checked.has(url)) await checkAccessibilityAt(page, record, url);
    }
    expect([...record.violations], 'axe-core: serious or critical accessibility violations').toEqual([]);
  },
  loginPage: async ({ page }, provide) => provide(new LoginPage(page)),
  registerPage: async ({ page }, provide) => provide(new RegisterPage(page)),
  customerPage: async ({ page }, provide) => provide(new CustomerPage(page)),
  settingsPage: async ({ page }, provide) => provide(new SettingsPage(page)),
  // `provide` rather than Playwright's usual `use`: React's lint rules would take it for the hook.
  registrationPosts: async ({ page }, provide) => {
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/v2/customers') posts.push(req.postData() ?? '');
    });
    await provide(posts);
  },
});

export { expect };
