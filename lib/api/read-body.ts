import type { IncomingMessage } from 'node:http';
import { ApiError, errorItem, type ApiErrorItem } from '@/lib/errors';
import { formatPath } from '@/lib/customers/issues';

/**
 * The request body, refused with 413 as soon as it passes `max` bytes. Reading it whole first
 * (req.arrayBuffer) would hold any chunked upload without Content-Length in memory, however big.
 */
export async function readBodyAtMost(req: Request, max: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw ApiError.of(413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The same over node:http's request (server.ts). Past `max` it stops reading and leaves the rest of
 * the stream paused, for the server to discard after the answer is ready. A client gone before the
 * end of its body gets a 400 nobody will hear: the route runs no further.
 */
export function readNodeBodyAtMost(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        reject(ApiError.of(413));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(ApiError.of(400, { path: 'body', problem: 'ended early' }, { field: 'body' }));
    });
  });
}

/** Deeper than any request of the API (the deepest, a channel's meta, is 6): a body past it is hostile. */
export const MAX_JSON_DEPTH = 32;
/** A hostile body can hold thousands of bad values; the answer names this many. */
const MAX_PROBLEMS = 20;
/** A lone surrogate: half of a UTF-16 pair, which no UTF-8 text (nor PostgreSQL) can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain a lone surrogate (invalid UTF-16)';
  return null;
}

/**
 * What no column can hold, whatever the schema says of it: strings (keys too) with NUL or lone
 * surrogates, numbers JSON.parse made infinite, nesting past MAX_JSON_DEPTH. One pass, without
 * recursion (a deep body must not overflow the stack here or later, in the Idempotency-Key hash),
 * before any hashing or SQL. Problems are named by JSON path, as schema problems are (docs/api.md).
 */
export function hostileJsonProblems(root: unknown): ApiErrorItem[] {
  const problems: ApiErrorItem[] = [];
  const add = (path: readonly PropertyKey[], problem: string) => {
    const field = formatPath(path);
    problems.push(errorItem(400, { path: field, problem }, field));
  };
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop()!;
    const key = path[path.length - 1];
    const keyProblem = typeof key === 'string' ? stringProblem(key) : null;
    if (keyProblem) {
      // The key is not echoed back: the path names the object holding it.
      add(path.slice(0, -1), `a key ${keyProblem}`);
    } else if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) add(path, problem);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) add(path, 'number out of range');
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= MAX_JSON_DEPTH) {
        add(path, `nested deeper than ${MAX_JSON_DEPTH} levels`);
        continue;
      }
      // Pushed in reverse, so problems come out in request order.
      const entries: [PropertyKey, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return problems;
}

/** The same rule for a query string: a parameter (name or value) no column can hold is a 400 naming it. */
export function hostileQueryProblems(query: URLSearchParams): ApiErrorItem[] {
  const problems: ApiErrorItem[] = [];
  for (const [name, value] of query) {
    const nameProblem = stringProblem(name);
    const field = nameProblem ? 'query' : name;
    const problem = nameProblem ? `a parameter name ${nameProblem}` : stringProblem(value);
    if (problem) problems.push(errorItem(400, { path: field, problem }, field));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}
