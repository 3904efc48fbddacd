import { describe, expect, it } from 'vitest';
import { signupInput } from '@/lib/schemas/auth';
import { revalidateField, validate } from './form-errors';

const valid = { email: 'ada@example.com', username: 'ada_l', password: 'violet harbour lantern 42' };

describe('sign-up field errors while the user edits', () => {
  it('go away once the field is valid, and only that field’s', () => {
    const submitted = { ...valid, email: 'not an email', password: 'short' };
    const errors = validate(signupInput, submitted).errors;
    expect(Object.keys(errors).sort()).toEqual(['email', 'password']);

    const fixedEmail = revalidateField(signupInput, { ...submitted, email: 'ada@example.com' }, 'email', errors);
    expect(fixedEmail).toEqual({ password: errors.password });
    const fixedBoth = revalidateField(signupInput, { ...submitted, email: 'ada@example.com', password: 'violet harbour lantern 42' }, 'password', fixedEmail);
    expect(fixedBoth).toEqual({});
  });

  it('follow the value while it is still invalid, and appear only after a submit', () => {
    const errors = validate(signupInput, { ...valid, password: 'short' }).errors;
    expect(revalidateField(signupInput, { ...valid, password: 'shorter' }, 'password', errors)).toEqual(errors);
    // Not yet submitted: typing does not flag a half-typed value.
    expect(revalidateField(signupInput, { ...valid, password: 'sh' }, 'password', {})).toEqual({});
  });

  it('drop a server-only error (a taken email, a very weak password) when the field changes', () => {
    const fromServer = { email: 'This email is already registered.', password: 'This password is very weak.' };
    expect(revalidateField(signupInput, { ...valid, email: 'ada2@example.com' }, 'email', fromServer)).toEqual({ password: fromServer.password });
    expect(revalidateField(signupInput, valid, 'password', fromServer)).toEqual({ email: fromServer.email });
  });
});
