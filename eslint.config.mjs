import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// What the browser's code must never load: the database, the environment, the auth code, and the
// configuration's cache and save (docs/architecture.md). Types of them may be named: they are erased.
const serverOnly = (group, why) => ({ group, allowTypeImports: true, message: why });
export const BOUNDARY_PATTERNS = [
  serverOnly(['@/db', '@/db/*', '**/db/*'], 'UI never imports db/: ask lib/ or a server action for data.'),
  serverOnly(['@/lib/env', '**/lib/env'], 'UI never reads the environment: it holds secrets.'),
  serverOnly(['@/lib/auth/*', '**/lib/auth/*'], 'UI never imports the auth code: pages and actions check the session.'),
  serverOnly(
    ['@/lib/config/cache', '@/lib/config/save', '**/lib/config/cache', '**/lib/config/save'],
    "UI never loads the configuration's cache or save: the page reads it, a server action saves it.",
  ),
];

const config = [
  ...next,
  ...nextTs,
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: BOUNDARY_PATTERNS }] },
  },
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      // Broken on purpose; tests/lint/boundaries.test.ts lints it as a component.
      'tests/lint/fixtures/**',
    ],
  },
];
export default config;
