import { describe, expect, it } from 'vitest';
import { signInErrorMessage, WRONG_CREDENTIALS } from './sign-in-messages';

describe('signInErrorMessage', () => {
  it('says the same for any wrong credentials', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe(WRONG_CREDENTIALS);
  });
  it('passes the throttling message through', () => {
    expect(signInErrorMessage('Too many attempts, try again in 12 minutes')).toBe(
      'Too many attempts, try again in 12 minutes',
    );
  });
  it('hides anything else behind a generic message', () => {
    expect(signInErrorMessage('Error: connect ECONNREFUSED 127.0.0.1:5432')).toBe('Sign-in failed. Please try again.');
    expect(signInErrorMessage(null)).toBeNull();
  });
});
