// The layer rules of .dependency-cruiser.cjs, run as `npm run lint` runs them, on a fixture tree laid
// out like the project (tests/lint/fixtures/layers) that breaches each rule once and keeps to it elsewhere.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'layers');

function cruiseFixture() {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      '--config',
      path.join(ROOT, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      'db',
      'lib',
    ],
    { cwd: FIXTURE, encoding: 'utf8' },
  );
  // The text `npm run lint` prints: "error <rule>: <from> → <to>" (a cycle goes on, one module a line).
  const violations = [...run.stdout.matchAll(/error ([\w-]+): (\S+) →\s+(\S+)/g)].map(
    ([, rule, from, to]) => `${rule}: ${from} -> ${to}`,
  );
  return { status: run.status, violations: violations.sort() };
}

describe('the layer rules', () => {
  it('fail on each breach of the fixture, and only on those', { timeout: 60_000 }, () => {
    const { status, violations } = cruiseFixture();
    expect(status).not.toBe(0);
    expect(violations).toEqual([
      // A query naming lib/config's types (through the @/ alias); its import of the vocabulary passes.
      'db-imports-only-the-vocabulary: db/queries/config.ts -> lib/config/types.ts',
      'engine-knows-no-api: lib/customers/side-effects.ts -> lib/api/schemas.ts',
      // Type-only edges make a cycle too.
      'no-cycles: lib/cycle-a.ts -> lib/cycle-b.ts',
      'vocabulary-imports-nothing: lib/vocabulary.ts -> lib/words.ts',
    ]);
  });
});
