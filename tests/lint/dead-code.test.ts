// knip with the project's own knip.ts (as `npm run lint` runs it), on a fixture project holding dead
// code of each kind: a file nothing imports, an export nobody imports, a dependency nothing uses.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'dead-code');

interface Issue {
  file: string;
  files: { name: string }[];
  exports: { name: string }[];
  dependencies: { name: string }[];
}

describe('the dead-code check', () => {
  it('fails on an unused file, export and dependency, and only on those', { timeout: 60_000 }, () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js'),
        '--config',
        path.join(ROOT, 'knip.ts'),
        '--reporter',
        'json',
        '--no-config-hints',
      ],
      { cwd: FIXTURE, encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    const { issues } = JSON.parse(run.stdout) as { issues: Issue[] };
    const found = issues.flatMap((i) => [
      ...i.files.map((f) => `file ${f.name}`),
      ...i.exports.map((e) => `export ${i.file}:${e.name}`),
      ...i.dependencies.map((d) => `dependency ${d.name}`),
    ]);
    expect(found.sort()).toEqual(['dependency left-pad', 'export lib/used.ts:neverImported', 'file lib/orphan.ts']);
  });
});
