#!/usr/bin/env node
// npm run test:citus — the integration suite on a Citus coordinator, then the Citus checks (tests/citus:
// every table distributed or reference, every org-scoped statement planned on one shard).
// CITUS_URL: the coordinator, its workers registered (citus_add_node) in that database; each run makes
// its own databases on the coordinator and the workers (tests/integration/test-database.ts) and drops them.
// Arguments are passed to vitest (a file, -t NAME). docs/scaling.md, "Citus", says how to set one up.
import { spawnSync } from 'node:child_process';

const url = process.env.CITUS_URL;
if (!url) {
  console.error(
    'npm run test:citus needs CITUS_URL: a Citus coordinator with its workers registered (docs/scaling.md, "Citus")',
  );
  process.exit(2);
}
const args = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...args], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(result.status ?? 1);
