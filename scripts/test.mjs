#!/usr/bin/env node
// npm test — typecheck, lint, format check, then every test: unit, integration (on DATABASE_URL's PostgreSQL, else embedded PGlite) and
// end-to-end (production build in Chromium). Stops at the first failing stage; ends with a summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const reports = mkdtempSync(path.join(tmpdir(), 'member-care-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function stage(name, command, args, countsOf) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  try {
    const counts = countsOf();
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  } catch {
    // No report: the stage died before its runner wrote one; its exit code tells.
  }
  if (result.status !== 0) finish(result.status ?? 1, `${name} failed`);
}

function vitestCounts(file) {
  return () => {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  };
}

function playwrightCounts(file) {
  return () => {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  };
}

function finish(code, why) {
  rmSync(reports, { recursive: true, force: true });
  if (why) console.error(`\n${why}`);
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(code);
}

const none = () => ({ passed: 0, failed: 0, skipped: 0 });
stage('typecheck', 'npx', ['tsc', '--noEmit'], none);
stage('lint', 'npx', ['eslint', '.', '--max-warnings=0'], none);
stage('layers', 'npm', ['run', '--silent', 'lint:layers'], none);
stage('dead code', 'npm', ['run', '--silent', 'lint:dead-code'], none);
stage('format', 'npx', ['prettier', '--check', '.'], none);
const unitJson = path.join(reports, 'unit.json');
const integrationJson = path.join(reports, 'integration.json');
const e2eJson = path.join(reports, 'e2e.json');
stage(
  'unit',
  'npx',
  ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`],
  vitestCounts(unitJson),
);
stage(
  'integration',
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'integration',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${integrationJson}`,
  ],
  vitestCounts(integrationJson),
);
process.env.PLAYWRIGHT_JSON_OUTPUT_FILE = e2eJson;
stage('e2e', 'node', ['scripts/e2e.mjs'], playwrightCounts(e2eJson));
finish(0);
