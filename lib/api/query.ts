// Query strings, parsed with zod as bodies are: each route states its parameters as one schema, and
// every problem is answered at once in the envelope (400 "{path}: {problem}" with the parameter as
// its field, or a catalogue code). A parameter given twice counts with its first value, as `get` reads it.
import { z } from 'zod';
import { formatPath } from '@/lib/customers/issues';
import { HISTORY_PAGE } from '@/lib/customers/history-read';
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, SEARCH_LIMIT } from '@/lib/customers/search';
import { ApiError, errorItem, type ApiErrorItem, type ErrorCode } from '@/lib/errors';
import { canonicalIdentifierType, canonicalSource, type Source } from '@/lib/vocabulary';

/** A problem answered with its catalogue code (zod's issue `params`); `field` when the answer names one. */
interface CodedProblem {
  code: ErrorCode;
  values?: Record<string, string | number>;
  field?: string;
}

function problemsOf(issues: readonly z.core.$ZodIssue[]): ApiErrorItem[] {
  return issues.map((issue) => {
    const coded = issue.code === 'custom' ? (issue.params as CodedProblem | undefined) : undefined;
    if (coded) return errorItem(coded.code, coded.values, coded.field);
    const field = formatPath(issue.path);
    return errorItem(400, { path: field, problem: issue.message }, field);
  });
}

/** The parameters of `url` as `schema` states them; ApiError with every problem otherwise. */
export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.output<S> {
  const query = new URL(url).searchParams;
  const parsed = schema.safeParse(Object.fromEntries([...query.keys()].map((name) => [name, query.get(name)])));
  if (!parsed.success) throw new ApiError(problemsOf(parsed.error.issues));
  return parsed.data;
}

/** Trimmed; absent, empty or blank is not given. */
const OptionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

/** A whole number from 1 to `max` (at most as many digits as `max` has), `fallback` when not given. */
function pageSize(fallback: number, max: number) {
  const digits = new RegExp(`^\\d{1,${String(max).length}}$`);
  return z
    .string()
    .optional()
    .refine((v) => !v || (digits.test(v) && Number(v) >= 1 && Number(v) <= max), {
      message: `expected a whole number from 1 to ${max}`,
    })
    .transform((v) => (v ? Number(v) : fallback));
}

/** ?source=: a source (any case); ALL for every source (undefined); `whenBlank` when not given; else 3217. */
function sourceParam(whenBlank?: Source) {
  return OptionalText.transform((v, ctx): Source | undefined => {
    if (v === undefined) return whenBlank;
    if (v.toUpperCase() === 'ALL') return undefined;
    const source = canonicalSource(v);
    if (source) return source;
    ctx.issues.push({ code: 'custom', message: '', input: v, params: { code: 3217 } });
    return z.NEVER;
  });
}

/** GET /v2/customers/{id}: which source accounts to show. */
export const CustomerQuerySchema = z.object({ source: sourceParam(), accountId: OptionalText });

/** GET /v2/customers/lookup: the identifier (both required), in INSTORE unless `source` says otherwise. */
export const LookupQuerySchema = z.object({
  identifierName: OptionalText.refine((v) => v !== undefined, 'is required').transform((name, ctx) => {
    const type = canonicalIdentifierType(name ?? '');
    if (type) return type;
    const problem: CodedProblem = { code: 8121, values: { type: name ?? '' }, field: 'identifierName' };
    ctx.issues.push({ code: 'custom', message: '', input: name, params: problem });
    return z.NEVER;
  }),
  // Stored as given (the lookup normalises it as registration does); blank is not a value.
  identifierValue: z
    .string()
    .optional()
    .refine((v) => !!v?.trim(), 'is required')
    .transform((v) => v ?? ''),
  source: sourceParam('INSTORE'),
  accountId: OptionalText,
});

/** GET /v2/customers/search: ?q= (2 to 255 characters, trimmed) and ?limit= (1 to 50, default 20). */
export const SearchQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .refine((q) => [...q].length >= MIN_QUERY_LENGTH && [...q].length <= MAX_QUERY_LENGTH, {
      message: `expected ${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters`,
    }),
  limit: pageSize(SEARCH_LIMIT.default, SEARCH_LIMIT.max),
});

/** GET /v2/customers/{id}/history: ?limit= (1 to 200, default 50) and ?before= (an entry id). */
export const HistoryQuerySchema = z.object({
  limit: pageSize(HISTORY_PAGE.default, HISTORY_PAGE.max),
  before: z
    .string()
    .optional()
    .refine((v) => !v || /^\d{1,15}$/.test(v), 'expected an entry id')
    .transform((v) => (v ? Number(v) : undefined)),
});
