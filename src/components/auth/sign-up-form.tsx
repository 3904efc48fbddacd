'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormMessage } from '@/components/ui/field';
import { passwordContextWords } from '@/lib/password-policy';
import { signupInput, USERNAME_RULES } from '@/lib/schemas/auth';
import { revalidateField, serverFieldErrors, validate, type FieldErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { PasswordStrength } from './password-strength';

const EMPTY = { email: '', username: '', firstName: '', lastName: '', password: '' };

/** The form's values as the procedure takes them: empty optional names are left out. */
const toInput = (values: typeof EMPTY) => ({ ...values, firstName: values.firstName || undefined, lastName: values.lastName || undefined });

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => {
    const next = { ...values, [key]: event.target.value };
    setValues(next);
    setErrors((current) => revalidateField(signupInput, toInput(next), key, current));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const { data, errors: invalid } = validate(signupInput, toInput(values));
    setErrors(invalid);
    if (!data) return;
    try {
      await register.mutateAsync(data);
    } catch (error) {
      const fields = serverFieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError((error as Error).message);
      return;
    }
    const result = await signIn('credentials', { email: data.email, password: values.password, redirect: false });
    if (result?.error) {
      router.push('/sign-in?created=1');
      return;
    }
    router.push('/projects');
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <FormMessage kind="error">{formError}</FormMessage> : null}
      <Field label="Email" type="email" name="email" autoComplete="email" required value={values.email} onChange={set('email')} error={errors.email} />
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        value={values.username}
        onChange={set('username')}
        error={errors.username}
        hint={USERNAME_RULES}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" autoComplete="given-name" value={values.firstName} onChange={set('firstName')} error={errors.firstName} />
        <Field label="Last name" name="lastName" autoComplete="family-name" value={values.lastName} onChange={set('lastName')} error={errors.lastName} />
      </div>
      <Field
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      >
        <PasswordStrength password={values.password} userInputs={passwordContextWords(values)} />
      </Field>
      <Button type="submit" className="w-full" disabled={register.isPending}>
        {register.isPending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
