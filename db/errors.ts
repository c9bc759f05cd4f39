// Postgres error codes, read through drizzle's wrapping (the driver's error is in `cause`).
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const DEADLOCK = '40P01';
export const SERIALIZATION_FAILURE = '40001';
export const LOCK_NOT_AVAILABLE = '55P03';
const QUERY_CANCELED = '57014';

/**
 * Citus (docs/scaling.md, "Citus") reports an error met by a statement it ran through the coordinator
 * in parts (a data-modifying CTE, each part on the org's shard) as an internal error, XX000, with the
 * worker's message: a unique violation (`duplicate key value violates unique constraint
 * "<name>_<shard id>"`), a lock wait cut by lock_timeout, a deadlock, a timeout. Each is read by its
 * message as the code PostgreSQL gives it, so it is answered as on PostgreSQL (8006, 8050, 8131, 521,
 * a retry, 503: never a 500).
 */
const CITUS_DUPLICATE = /duplicate key value violates unique constraint "([^"]+)"/;
const CITUS_FOREIGN_KEY = /violates foreign key constraint "([^"]+)"/;
const CITUS_MESSAGES: [RegExp, string][] = [
  [CITUS_DUPLICATE, UNIQUE_VIOLATION],
  [CITUS_FOREIGN_KEY, FOREIGN_KEY_VIOLATION],
  [/^canceling statement due to lock timeout/, LOCK_NOT_AVAILABLE],
  [/^canceling statement due to statement timeout/, QUERY_CANCELED],
  [/^deadlock detected/, DEADLOCK],
  [/^could not serialize access/, SERIALIZATION_FAILURE],
];
/** Citus names a shard's constraint after the table's, with the shard's id (102008 and up) appended. */
const SHARD_SUFFIX = /_\d{6,}$/;

/** An error and its causes (drizzle wraps the driver's error), at most five deep. */
function* causeChain(err: unknown): Generator<object> {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

/** The SQLSTATE of one error in the chain, a Citus XX000 read by its message. */
function codeAt(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  if (code === 'XX000') {
    const message = String((e as { message?: unknown }).message);
    for (const [pattern, meant] of CITUS_MESSAGES) if (pattern.test(message)) return meant;
  }
  return typeof code === 'string' ? code : undefined;
}

export function pgErrorCode(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const code = codeAt(e);
    if (code && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint a unique or foreign-key violation names, as the schema names it (a shard's suffix removed). */
export function pgErrorConstraint(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const message = String((e as { message?: unknown }).message);
    const named =
      (e as { constraint_name?: unknown }).constraint_name ??
      (e as { constraint?: unknown }).constraint ??
      (CITUS_DUPLICATE.exec(message) ?? CITUS_FOREIGN_KEY.exec(message))?.[1];
    if (typeof named === 'string') return named.replace(SHARD_SUFFIX, '');
  }
  return undefined;
}

/** Failures that a fresh attempt of the same transaction resolves (it then sees the winner's rows). */
export function isRetryable(err: unknown): boolean {
  const code = pgErrorCode(err);
  return code === UNIQUE_VIOLATION || code === DEADLOCK || code === SERIALIZATION_FAILURE;
}

/** The database went away or did not answer in time: the request may be retried later (HTTP 503). */
const UNAVAILABLE_PG_CODE = /^(08...|57014|57P0[1-3]|53300)$/; // connection exception, statement timeout, shutdown, too many connections
const UNAVAILABLE_DRIVER_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causeChain(err)) {
    const code = codeAt(e);
    if (code && (UNAVAILABLE_PG_CODE.test(code) || UNAVAILABLE_DRIVER_CODES.has(code))) return true;
  }
  return false;
}
