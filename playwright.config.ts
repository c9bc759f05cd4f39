// End-to-end tests against a running production build: `npm run test:e2e` (scripts/e2e.mjs) builds,
// starts and points BASE_URL at it. Chromium is the system's (Debian's); Playwright downloads nothing.
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

const reporter: ReporterDescription[] = [['list']];
// scripts/test.mjs reads the counts from Playwright's JSON report (PLAYWRIGHT_JSON_OUTPUT_FILE).
if (process.env.PLAYWRIGHT_JSON_OUTPUT_FILE) reporter.push(['json']);

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Generous: the machine running the suite may be busy building; a slow answer is not a failure here.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter,
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts/,
      // Two servers on one database need PostgreSQL: scripts/e2e.mjs sets BASE_URL_2 only then.
      testIgnore: process.env.BASE_URL_2 ? [] : [/two-servers\.spec\.ts/],
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions: chromium },
    },
  ],
});
