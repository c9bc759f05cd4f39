// Postgres error codes, read through drizzle's wrapping (the driver's error is in `cause`).
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const DEADLOCK = '40P01';
export const SERIALIZATION_FAILURE = '40001';
export const LOCK_NOT_AVAILABLE = '55P03';

export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
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
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_PG_CODE.test(code) || UNAVAILABLE_DRIVER_CODES.has(code))) return true;
  }
  return false;
}
