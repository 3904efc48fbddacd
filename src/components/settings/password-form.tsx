'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PasswordStrength } from '@/components/auth/password-strength';
import { Button } from '@/components/ui/button';
import { Field, FormMessage } from '@/components/ui/field';
import { serverFieldErrors, validate, type FieldErrors } from '@/lib/form-errors';
import { passwordContextWords } from '@/lib/password-policy';
import { changePasswordInput, type PublicUser } from '@/lib/schemas/auth';
import { useTRPC } from '@/trpc/react';

export function PasswordForm({ user }: { user: PublicUser }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { data, errors: invalid } = validate(changePasswordInput, values);
    setErrors(invalid);
    if (!data) return;
    try {
      await change.mutateAsync(data);
      setValues({ currentPassword: '', newPassword: '' });
    } catch (error) {
      setErrors(serverFieldErrors(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {change.isSuccess ? (
        <FormMessage kind="notice">
          Password changed. {change.data.endedSessions > 0 ? `${change.data.endedSessions} other session(s) were signed out.` : ''}
        </FormMessage>
      ) : null}
      <Field label="Current password" type="password" autoComplete="current-password" value={values.currentPassword} onChange={(e) => setValues((v) => ({ ...v, currentPassword: e.target.value }))} error={errors.currentPassword} />
      <Field label="New password" type="password" autoComplete="new-password" value={values.newPassword} onChange={(e) => setValues((v) => ({ ...v, newPassword: e.target.value }))} error={errors.newPassword}>
        <PasswordStrength password={values.newPassword} userInputs={passwordContextWords({ ...user, ...user.profile })} />
      </Field>
      <Button type="submit" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
