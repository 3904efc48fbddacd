import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { auth, configuredOAuthProviders } from '@/server/auth/authjs';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; created?: string }> }) {
  if (await auth()) redirect('/projects');
  const { error, created } = await searchParams;
  // Auth.js sends its own codes (CredentialsSignin, OAuthCallbackError …); ours are sentences.
  const message = error && error.includes(' ') ? error.slice(0, 300) : error ? 'Sign-in did not complete. Try again.' : undefined;
  return (
    <AuthCard title="Sign in" subtitle="Welcome back to Aura.">
      <SignInForm providers={configuredOAuthProviders()} error={message} notice={created ? 'Your account is ready. Sign in to continue.' : undefined} />
    </AuthCard>
  );
}
