'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormMessage } from '@/components/ui/field';
import { loginInput } from '@/lib/schemas/auth';
import { validate, type FieldErrors } from '@/lib/form-errors';
import { signInErrorMessage } from './sign-in-error';

const PROVIDER_LABELS = { github: 'GitHub', discord: 'Discord' } as const;

export function SignInForm({ providers, notice, error }: { providers: ('github' | 'discord')[]; notice?: string; error?: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState(error);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const { data, errors: invalid } = validate(loginInput, values);
    setErrors(invalid);
    if (!data) return;
    setPending(true);
    const result = await signIn('credentials', { ...data, redirect: false });
    setPending(false);
    if (result?.error) {
      setFormError(signInErrorMessage(result));
      return;
    }
    router.push('/projects');
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {providers.length > 0 ? (
        <div className="grid gap-2">
          {providers.map((provider) => (
            <Button key={provider} variant="secondary" onClick={() => void signIn(provider, { redirectTo: '/projects' })}>
              Continue with {PROVIDER_LABELS[provider]}
            </Button>
          ))}
          <p className="text-center text-xs text-muted">or with your email</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {notice ? <FormMessage kind="notice">{notice}</FormMessage> : null}
        {formError ? <FormMessage kind="error">{formError}</FormMessage> : null}
        <Field label="Email" type="email" name="email" autoComplete="email" required value={values.email} onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))} error={errors.email} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
          error={errors.password}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <p className="text-center text-sm text-muted">
        New to Aura?{' '}
        <Link href="/sign-up" className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
