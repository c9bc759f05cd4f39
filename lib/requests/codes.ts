import type { ErrorCode } from '@/lib/errors';

/** Codes only the requests answer (docs/api.md, "Requests"): the registration's list leaves them out. */
export const REQUEST_ONLY_CODES: readonly ErrorCode[] = [
  9018, 9023, 9026, 9027, 9029, 9031, 9042, 9050, 9071, 9072, 9081, 9082,
];
