// zod issues → API error items. Coded issues (the org's rules) keep their code; the rest are schema
// problems, code 400, "{path}: {problem}".
import type { z } from 'zod';
import { errorItem, type ApiErrorItem, type ErrorCode } from '@/lib/errors';

/**
 * ['profiles', 0, 'identifiers', 1, 'value'] → "profiles[0].identifiers[1].value". A key that would
 * make the path ambiguous (empty, or with . [ ] ") is quoted: fields["a.b"].
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    const key = String(part);
    if (typeof part === 'number') out += `[${part}]`;
    else if (key === '' || /[.[\]"]/.test(key)) out += `[${JSON.stringify(key)}]`;
    else out += out ? `.${key}` : key;
  }
  return out || 'body';
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): ApiErrorItem[] {
  return issues.map((issue) => {
    const field = formatPath(issue.path);
    const code = issue.code === 'custom' ? (issue.params as { code?: ErrorCode } | undefined)?.code : undefined;
    if (code !== undefined) return { status: false, code, message: issue.message, field };
    return errorItem(400, { path: field, problem: issue.message }, field);
  });
}
