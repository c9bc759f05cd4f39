// Regenerates the code tables of docs/api.md from lib/errors.ts, and its access matrix from
// tests/access-matrix.ts (`npm run docs:api`); `--check` only reports whether they are current
// (exit 1 if not), for CI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withGeneratedCodeSection } from '@/lib/openapi/code-tables';
import { withAccessMatrixSection } from '../tests/access-matrix';

const file = path.join(process.cwd(), 'docs', 'api.md');
const current = readFileSync(file, 'utf8');
const next = withAccessMatrixSection(withGeneratedCodeSection(current));

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/api.md: the code tables are out of date; run `npm run docs:api`');
    process.exit(1);
  }
  console.log('docs/api.md: code tables are current');
} else if (next !== current) {
  writeFileSync(file, next);
  console.log('docs/api.md: code tables regenerated');
} else {
  console.log('docs/api.md: already current');
}
