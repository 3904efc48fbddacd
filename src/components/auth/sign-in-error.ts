/** What went wrong, by Auth.js's `code` for refused credentials, and by its error type otherwise. */
const CREDENTIAL_MESSAGES: Record<string, string> = {
  invalid_credentials: 'Email or password is incorrect.',
  rate_limited: 'Too many attempts. Wait a few minutes, then try again.',
};

const ERROR_MESSAGES: Record<string, string> = {
  MissingCSRF:
    'Your browser did not send back the sign-in cookie, so the attempt was refused before your password was checked. Allow cookies for this site, then reload the page and try again.',
  Configuration: 'Sign-in is not configured correctly on the server. Ask the administrator to check its log.',
};

/**
 * The message for a failed `signIn('credentials', { redirect: false })`. Only a refusal of the
 * credentials themselves says the password is wrong; anything else (a missing CSRF cookie, a server
 * misconfiguration) names its real cause, or the user keeps retyping a correct password.
 */
export function signInErrorMessage(result: { error?: string; code?: string }): string {
  if (result.error === 'CredentialsSignin') return CREDENTIAL_MESSAGES[result.code ?? ''] ?? CREDENTIAL_MESSAGES.invalid_credentials!;
  return ERROR_MESSAGES[result.error ?? ''] ?? `Sign-in failed (${result.error ?? 'unknown error'}). Reload the page and try again.`;
}
