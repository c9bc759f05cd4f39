// Sign-in throttling: failed attempts per email and per client IP, in this process's memory.
// Successful sign-ins do not count; a success clears the email's failures.
import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
/** Failures per email: low, as guessing one account's password is the attack to stop. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures per IP: higher, because a store's tills share one address. */
export const MAX_FAILURES_PER_IP = 20;

interface Limiters { email: RateLimiterMemory; ip: RateLimiterMemory }
const g = globalThis as typeof globalThis & { __memberCareSignInLimiters?: Limiters };
const limiters: Limiters = (g.__memberCareSignInLimiters ??= {
  email: new RateLimiterMemory({ keyPrefix: 'signin-email', points: MAX_FAILURES_PER_EMAIL, duration: WINDOW_SECONDS }),
  ip: new RateLimiterMemory({ keyPrefix: 'signin-ip', points: MAX_FAILURES_PER_IP, duration: WINDOW_SECONDS }),
});

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(throttleMessage(retryAfterMs));
    this.name = 'SignInThrottledError';
  }
}

export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Throws SignInThrottledError when the email or the IP has used up its failures. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const [byEmail, byIp] = await Promise.all([limiters.email.get(email), limiters.ip.get(ip)]);
  const blocked = [
    byEmail && byEmail.consumedPoints >= MAX_FAILURES_PER_EMAIL ? byEmail.msBeforeNext : 0,
    byIp && byIp.consumedPoints >= MAX_FAILURES_PER_IP ? byIp.msBeforeNext : 0,
  ];
  const wait = Math.max(...blocked);
  if (wait > 0) throw new SignInThrottledError(wait);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([limiters.email.penalty(email, 1), limiters.ip.penalty(ip, 1)]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters.email.delete(email);
}
