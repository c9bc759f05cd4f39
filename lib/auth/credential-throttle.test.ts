import { describe, expect, it } from 'vitest';
import {
  assertSignInAllowed,
  MAX_FAILURES_PER_EMAIL,
  recordSignInFailure,
  recordSignInSuccess,
  SignInThrottledError,
  throttleMessage,
} from './sign-in-throttle';

describe('sign-in throttling', () => {
  it('blocks an email after its failures, and a success clears them', async () => {
    const email = `t-${Math.random()}@demo.example`;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordSignInFailure(email, `10.0.0.${i}`);
    await expect(assertSignInAllowed(email, '10.9.9.9')).resolves.toBeUndefined();
    await recordSignInSuccess(email);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordSignInFailure(email, `10.0.1.${i}`);
    const err = await assertSignInAllowed(email, '10.9.9.9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInThrottledError);
    expect((err as Error).message).toMatch(/^Too many attempts, try again in 1[45] minutes$/);
  });

  it('says minutes, rounded up, at least one', () => {
    expect(throttleMessage(1)).toBe('Too many attempts, try again in 1 minute');
    expect(throttleMessage(14 * 60_000 + 1)).toBe('Too many attempts, try again in 15 minutes');
  });
});
