import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { auth } from '@/server/auth/authjs';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await auth()) redirect('/projects');
  return (
    <AuthCard title="Create your account" subtitle="Projects, sandboxes and an agent, in your browser.">
      <SignUpForm />
    </AuthCard>
  );
}
