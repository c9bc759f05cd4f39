/** One message for a wrong email or a wrong password: saying which would confirm the account exists. */
export const WRONG_CREDENTIALS = 'Email or password is incorrect.';
/** next-auth's error when the password was right and the admin's second factor is missing. */
export const SECOND_FACTOR = 'SecondFactorRequired';
const THROTTLED = /^Too many attempts, try again in \d+ minutes?$/;

/** What to tell a person for next-auth's `error` value (from signIn() or the ?error= of a redirect). */
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === 'CredentialsSignin') return WRONG_CREDENTIALS;
  if (THROTTLED.test(error)) return error;
  if (error === 'SessionRequired') return 'Please sign in to continue.';
  if (error === SECOND_FACTOR) return 'Enter the code from your authenticator app, or one of your recovery codes.';
  return 'Sign-in failed. Please try again.';
}
