'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormMessage } from '@/components/ui/field';
import { serverFieldErrors, validate, type FieldErrors } from '@/lib/form-errors';
import { updateProfileInput, type PublicUser } from '@/lib/schemas/auth';
import { useTRPC } from '@/trpc/react';

const profileFields = updateProfileInput.pick({ firstName: true, lastName: true, avatar: true });

export function ProfileForm({ user }: { user: PublicUser }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.auth.updateProfile.mutationOptions({ onSuccess: () => router.refresh() }));
  const [values, setValues] = useState({ firstName: user.profile.firstName ?? '', lastName: user.profile.lastName ?? '', avatar: user.profile.avatar ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { data, errors: invalid } = validate(profileFields, values);
    setErrors(invalid);
    if (!data) return;
    await save.mutateAsync(data).catch((error: unknown) => setErrors(serverFieldErrors(error)));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {save.isSuccess ? <FormMessage kind="notice">Profile saved.</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" autoComplete="given-name" value={values.firstName} onChange={(e) => setValues((v) => ({ ...v, firstName: e.target.value }))} error={errors.firstName} />
        <Field label="Last name" autoComplete="family-name" value={values.lastName} onChange={(e) => setValues((v) => ({ ...v, lastName: e.target.value }))} error={errors.lastName} />
      </div>
      <Field label="Avatar URL" type="url" placeholder="https://…" value={values.avatar} onChange={(e) => setValues((v) => ({ ...v, avatar: e.target.value }))} error={errors.avatar} />
      <Button type="submit" disabled={save.isPending}>
        Save profile
      </Button>
    </form>
  );
}
