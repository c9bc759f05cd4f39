// Dead code: files nothing imports, exports nobody uses, dependencies nothing needs. `npm run lint`
// runs knip with this file; tests/lint/dead-code.test.ts proves it bites on a fixture project. Its
// plugins read next.config.mjs and the app router, vitest.config.ts, playwright.config.ts, eslint and
// prettier; what they cannot see is named here.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // Run by npm scripts, by hand (bench, profiles, plans) or spawned by another script.
    'scripts/*.{mjs,ts}',
    // Started by integration tests as worker threads or child processes.
    'tests/integration/workers/*.ts',
    // Playwright's setup project (testMatch /.*\.setup\.ts/), and what scripts/e2e.mjs runs before the server.
    'e2e/*.setup.ts',
    'e2e/support/mint-sessions.ts',
  ],
  // CSS too: app/globals.css is what loads tailwindcss.
  project: ['**/*.{ts,tsx,mjs,cjs,css}'],
  // Broken on purpose: the lint tests' fixtures.
  ignore: ['tests/lint/fixtures/**'],
  ignoreExportsUsedInFile: true,
};

export default config;
