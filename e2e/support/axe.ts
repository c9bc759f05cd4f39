// Accessibility checks with axe-core. Every page a test's tab shows is held to them: the page objects
// check each page they open (checkAccessibility), and e2e/fixtures.ts checks, once the test has
// passed, the page as the test left it and every other URL the tab navigated to.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The impacts that fail a test; minor and moderate findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Markup the project does not write and cannot change: the API reference's Scalar viewer (its sidebar
 * buttons, code editor and tabs fail aria-allowed-attr, button-name, nested-interactive and contrast
 * as the package ships them). The page around it is still checked.
 */
const THIRD_PARTY = '[data-third-party]';

interface Record {
  /** URLs (without fragment) already checked in this test. */
  checked: Set<string>;
  /** One line per violation found, without repeats. */
  violations: Set<string>;
}

const records = new WeakMap<Page, Record>();

/** A URL without its fragment: the same page for the check. */
export function pageUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString();
}

/** Starts collecting for a test's tab (the fixture does it); checks on other pages are ignored. */
export function trackAccessibility(page: Page): Record {
  const record: Record = { checked: new Set(), violations: new Set() };
  records.set(page, record);
  return record;
}

async function serious(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).exclude(THIRD_PARTY).analyze();
  return results.violations
    .filter((v) => v.impact && FAILING_IMPACTS.has(v.impact))
    .map((v) => {
      const where = v.nodes.map((n) => n.target.join(' ')).join(', ');
      return `${v.id} (${v.impact}) on ${new URL(results.url).pathname}: ${v.help} [${where}] ${v.helpUrl}`;
    });
}

/** Checks the page as it is now; what it finds fails the test at its end, with everything else found. */
export async function checkAccessibility(page: Page): Promise<void> {
  const record = records.get(page);
  if (!record || !page.url().startsWith('http')) return;
  for (const line of await serious(page)) record.violations.add(line);
  record.checked.add(pageUrl(page.url()));
}

/**
 * Checks a URL the tab showed earlier by opening it again in a new tab of the same browser context
 * (same session). Skipped when it lands on a page already checked (a signed-in visit to /login is
 * sent home) or answers something other than HTML (JSON from the API).
 */
export async function checkAccessibilityAt(page: Page, record: Record, url: string): Promise<void> {
  const tab = await page.context().newPage();
  try {
    const response = await tab.goto(url);
    if (!response?.headers()['content-type']?.includes('text/html')) return;
    if (record.checked.has(pageUrl(tab.url()))) return;
    await tab.waitForLoadState('networkidle');
    for (const line of await serious(tab)) record.violations.add(line);
    record.checked.add(pageUrl(tab.url()));
  } finally {
    await tab.close();
  }
}
