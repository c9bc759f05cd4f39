// The boundary rule of eslint.config.mjs, run through ESLint's own API on a fixture: code under
// components/ that loads the database or the environment is refused; naming a type is not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = readFileSync(path.join(import.meta.dirname, 'fixtures', 'component-imports-db.tsx'), 'utf8');

// Loading the project's config (next, typescript-eslint) takes seconds on a busy machine.
const SLOW = { timeout: 120_000 };
const eslint = new ESLint({ cwd: ROOT });

async function lintAs(filePath: string) {
  const [result] = await eslint.lintText(FIXTURE, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

describe('the boundary rule', () => {
  it('refuses @/db and @/lib/env in a component, not the type import', SLOW, async () => {
    const messages = await lintAs('components/customer/fixture-customer-count.tsx');
    const refused = messages.filter((m) => m.rule === '@typescript-eslint/no-restricted-imports');
    expect(refused.map((m) => m.line)).toEqual([3, 4]);
    expect(refused[0]?.message).toContain("'@/db/client'");
    expect(refused[0]?.message).toContain('UI never imports db/');
    expect(refused[1]?.message).toContain("'@/lib/env'");
  });

  it('lets the server side (app/) import them', SLOW, async () => {
    const messages = await lintAs('app/member-care/ui/fixture/page.tsx');
    expect(messages.filter((m) => m.rule === '@typescript-eslint/no-restricted-imports')).toEqual([]);
  });
});
