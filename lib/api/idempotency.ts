// Idempotency-Key (docs/api.md#idempotency): the first request with a key runs and its answer is stored; a
// repeat with the same body gets that answer again and writes nothing. The database decides who
// runs first (one row per org + client + key), so this holds across app processes.
import { createHash } from 'node:crypto';
import { getDb, type Db } from '@/db/client';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  releaseIdempotencyKey,
  storeIdempotentResponse,
  type IdempotencyScope,
} from '@/db/queries/idempotency';
import { ApiError } from '@/lib/errors';
import { log, loggableError } from '@/lib/log';
import { actorKey, type Actor } from '@/lib/auth/actor';
import { failureBody, type ApiRequest, type RouteResult } from './handler';

const MAX_KEY_LENGTH = 255;
/** How long a repeat waits for the first request with its key before answering 409. */
const WAIT_MS = 5_000;
/** Expired keys of the org are swept on every this-many-th claim; the claim itself ignores them. */
const PURGE_EVERY = 100;
let claims = 0;

/** JSON with object keys sorted at every depth, so key order does not change a request's hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function idempotencyKeyOf(req: Pick<ApiRequest, 'headers'>): string | null {
  const key = req.headers.get('idempotency-key');
  if (key === null) return null;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw ApiError.of(400, { path: 'Idempotency-Key', problem: `must be 1 to ${MAX_KEY_LENGTH} characters` });
  }
  return key;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withIdempotency(
  args: { req: Pick<ApiRequest, 'headers'>; actor: Actor; body: unknown },
  run: () => Promise<RouteResult>,
): Promise<RouteResult> {
  const key = idempotencyKeyOf(args.req);
  if (key === null) return run();
  const db = await getDb();
  const scope: IdempotencyScope = { orgId: args.actor.orgId, clientKey: actorKey(args.actor), key };
  const hash = createHash('sha256').update(canonicalJson(args.body)).digest('hex');
  const deadline = Date.now() + WAIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
    if (await claimIdempotencyKey(db, scope, hash)) return runAndStore(db, scope, hash, run);
    const row = await findIdempotencyKey(db, scope);
    // Gone (released after a failure) or expired: claim it again straight away.
    if (row && !row.expired) {
      if (row.requestHash !== hash) throw ApiError.of(422);
      if (row.responseStatus !== null) {
        return {
          status: row.responseStatus,
          body: storedBody(row.responseBody),
          headers: { 'idempotent-replayed': 'true' },
        };
      }
      if (Date.now() + pause > deadline) throw ApiError.of(409);
      await sleep(pause);
    } else if (Date.now() > deadline) {
      throw ApiError.of(409);
    }
  }
}

/**
 * Runs the request that holds the claim and stores its answer: refusals too, as they would repeat.
 * Only POST /v2/customers takes an Idempotency-Key, so a stored refusal has its envelope.
 */
async function runAndStore(
  db: Db,
  scope: IdempotencyScope,
  hash: string,
  run: () => Promise<RouteResult>,
): Promise<RouteResult> {
  if (++claims % PURGE_EVERY === 0) {
    purgeExpiredIdempotencyKeys(db, scope.orgId).catch((err: unknown) =>
      log.warn({ err: loggableError(err) }, 'idempotency purge failed'),
    );
  }
  let result: RouteResult;
  try {
    result = await run();
  } catch (err) {
    // A refusal (4xx) is the answer a retry would get again; a failure (5xx, 521, a crash) is not:
    // release the key so the client's retry can run.
    if (err instanceof ApiError && err.http < 500) {
      await store(db, scope, hash, { status: err.http, body: failureBody('create', err.items) });
    } else {
      await releaseIdempotencyKey(db, scope, hash).catch((e: unknown) =>
        log.error({ err: loggableError(e) }, 'idempotency release failed'),
      );
    }
    throw err;
  }
  await store(db, scope, hash, result);
  return result;
}

/**
 * The body is stored as its JSON text (a jsonb string): jsonb would reorder the keys, and a replay
 * should read exactly like the first answer ({"createdId", "warnings", ...}).
 */
function storedBody(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

async function store(
  db: Db,
  scope: IdempotencyScope,
  hash: string,
  response: { status: number; body: unknown },
): Promise<void> {
  try {
    await storeIdempotentResponse(db, scope, hash, { status: response.status, body: JSON.stringify(response.body) });
  } catch (err) {
    // The request itself succeeded: answer it; free the key so a repeat is not stuck on 409.
    log.error({ err: loggableError(err) }, 'idempotency store failed');
    await releaseIdempotencyKey(db, scope, hash).catch(() => {});
  }
}
