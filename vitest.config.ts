import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Modules marked server-only (env, db client, secrets) load in tests as they do on the server.
  'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'db/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          // On a Citus coordinator (npm run test:citus sets CITUS_URL) also the Citus checks: every table
          // distributed or reference, every org-scoped statement planned on one shard.
          include: ['tests/integration/**/*.test.ts', ...(process.env.CITUS_URL ? ['tests/citus/**/*.test.ts'] : [])],
          // PostgreSQL's own plans of plain tables: on a coordinator every table is Citus's, planned by
          // Citus, and tests/citus/single-shard-plans.test.ts checks them instead.
          exclude: process.env.CITUS_URL ? ['tests/integration/foreign-key-plans.test.ts'] : [],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-file.ts'],
          // One database for the run; files take turns so counts and rate limits stay their own.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
