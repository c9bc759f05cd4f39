/** One message for a wrong email or a wrong password: saying which would confirm the account exists. */
export const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const THROTTLED = /^Too many attempts, try again in \d+ minutes?$/;

/** What to tell a person for next-auth's `error` value (from signIn() or the ?error= of a redirect). */
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === 'CredentialsSignin') return WRONG_CREDENTIALS;
  if (THROTTLED.test(error)) return error;
  if (error === 'SessionRequired') return 'Please sign in to continue.';
  return 'Sign-in failed. Please try again.';
}
