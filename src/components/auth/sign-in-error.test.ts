import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-error';

describe('the sign-in form’s error message', () => {
  it('says the password is wrong only when the credentials were refused', () => {
    expect(signInErrorMessage({ error: 'CredentialsSignin', code: 'invalid_credentials' })).toBe('Email or password is incorrect.');
    expect(signInErrorMessage({ error: 'CredentialsSignin', code: 'rate_limited' })).toMatch(/Too many attempts/);
  });

  it('names a missing CSRF cookie, or any other failure, instead', () => {
    expect(signInErrorMessage({ error: 'MissingCSRF' })).toMatch(/did not send back the sign-in cookie/);
    expect(signInErrorMessage({ error: 'MissingCSRF' })).not.toMatch(/incorrect/);
    expect(signInErrorMessage({ error: 'Configuration' })).toMatch(/not configured correctly/);
    expect(signInErrorMessage({ error: 'Verification' })).toBe('Sign-in failed (Verification). Reload the page and try again.');
  });
});
