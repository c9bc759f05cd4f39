import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, WARNING_CATALOGUE } from '@/lib/errors';
import { withGeneratedCodeSection } from '@/lib/openapi/code-tables';
import { getOpenApiDocument } from '@/lib/openapi/document';

const markdown = readFileSync(path.join(process.cwd(), 'docs', 'api.md'), 'utf8');

describe('docs/api.md', () => {
  it('has code tables generated from the current catalogue (run `npm run docs:api` when this fails)', () => {
    expect(withGeneratedCodeSection(markdown)).toBe(markdown);
  });

  it('lists every error code with its HTTP status and every warning code', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE))
      expect(markdown).toContain(`| ${code} | ${entry.http} | ${entry.message} |`);
    for (const [code, entry] of Object.entries(WARNING_CATALOGUE))
      expect(markdown).toContain(`| ${code} | ${entry.message} |`);
  });

  it('says the same codes as the OpenAPI document, whose introduction carries the same tables', () => {
    const intro = getOpenApiDocument().doc.info.description ?? '';
    for (const code of [...Object.keys(ERROR_CATALOGUE), ...Object.keys(WARNING_CATALOGUE)]) {
      expect(intro).toContain(`| ${code} |`);
      expect(markdown).toContain(`| ${code} |`);
    }
  });
});
