import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  attemptFailed,
  attemptSucceeded,
  beginAttempt,
  CredentialThrottledError,
  MAX_FAILURES,
  throttleMessage,
} from './credential-throttle';

async function fail(kind: 'till' | 'oauth' | 'staff', key: string, address: string, times: number) {
  for (let i = 0; i < times; i++) await attemptFailed(await beginAttempt(kind, key, address));
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('credential throttle (one counter per key and address)', () => {
  it('refuses a pair after its failures, and only that pair', async () => {
    const key = `till-${randomUUID()}`;
    await fail('till', key, '10.0.0.1', MAX_FAILURES - 1);
    await expect(beginAttempt('till', key, '10.0.0.1')).resolves.toMatchObject({ failuresBefore: MAX_FAILURES - 1 });
    await fail('till', key, '10.0.0.1', 1);

    const err = await refusal(beginAttempt('till', key, '10.0.0.1'));
    expect(err).toBeInstanceOf(CredentialThrottledError);
    expect((err as CredentialThrottledError).retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((err as Error).message).toMatch(/^Too many attempts, try again in 1[45] minutes$/);

    // Another address for the same key, the same address for another key or kind: untouched.
    await expect(beginAttempt('till', key, '10.0.0.2')).resolves.toMatchObject({ failuresBefore: 0 });
    await expect(beginAttempt('till', `${key}x`, '10.0.0.1')).resolves.toMatchObject({ failuresBefore: 0 });
    await expect(beginAttempt('oauth', key, '10.0.0.1')).resolves.toMatchObject({ failuresBefore: 0 });
  });

  it("a success clears its own pair's failures, not another address's", async () => {
    const key = `staff-${randomUUID()}@demo.example`;
    await fail('staff', key, '10.1.0.1', MAX_FAILURES - 1);
    await fail('staff', key, '10.1.0.2', MAX_FAILURES - 1);
    await attemptSucceeded(await beginAttempt('staff', key, '10.1.0.2'));
    await expect(beginAttempt('staff', key, '10.1.0.2')).resolves.toMatchObject({ failuresBefore: 0 });
    await fail('staff', key, '10.1.0.1', 1);
    expect(await refusal(beginAttempt('staff', key, '10.1.0.1'))).toBeInstanceOf(CredentialThrottledError);
  });

  it('says minutes, rounded up, at least one', () => {
    expect(throttleMessage(1)).toBe('Too many attempts, try again in 1 minute');
    expect(throttleMessage(14 * 60_000 + 1)).toBe('Too many attempts, try again in 15 minutes');
  });
});
