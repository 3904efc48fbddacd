import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LinkedAccounts } from '@/components/settings/linked-accounts';
import { PasswordForm } from '@/components/settings/password-form';
import { PreferencesForm } from '@/components/settings/preferences-form';
import { ProfileForm } from '@/components/settings/profile-form';
import { SettingsSection } from '@/components/settings/section';
import { SessionsList } from '@/components/settings/sessions-list';
import { configuredOAuthProviders } from '@/server/auth/authjs';
import { getCurrentUser } from '@/trpc/server';

export const metadata: Metadata = { title: 'Profile and settings' };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Profile and settings</h1>
        <p className="mt-1 text-sm text-muted">
          Signed in as <span className="font-medium text-fg">{user.username}</span> ({user.email})
        </p>
      </div>
      <SettingsSection id="profile" title="Profile" description="How you appear in Aura.">
        <ProfileForm user={user} />
      </SettingsSection>
      <SettingsSection id="preferences" title="Preferences" description="Applied on every device you sign in from.">
        <PreferencesForm preferences={user.preferences} />
      </SettingsSection>
      <SettingsSection id="linked" title="Linked accounts" description="Sign in with these as well as your password.">
        <LinkedAccounts user={user} available={configuredOAuthProviders()} />
      </SettingsSection>
      <SettingsSection id="password" title="Password" description="Changing it signs out your other sessions.">
        <PasswordForm user={user} />
      </SettingsSection>
      <SettingsSection id="sessions" title="Active sessions" description="Where your account is signed in.">
        <SessionsList />
      </SettingsSection>
    </div>
  );
}
