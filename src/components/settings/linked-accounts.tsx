'use client';

import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import type { PublicUser } from '@/lib/schemas/auth';

const PROVIDERS = [
  { id: 'github', label: 'GitHub', field: 'githubId' },
  { id: 'discord', label: 'Discord', field: 'discordId' },
] as const;

export function LinkedAccounts({ user, available }: { user: PublicUser; available: ('github' | 'discord')[] }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border">
      {PROVIDERS.map((provider) => {
        const linked = user.profile[provider.field];
        return (
          <li key={provider.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
            <span className="font-medium">{provider.label}</span>
            {linked ? (
              <span className="text-muted">Linked</span>
            ) : available.includes(provider.id) ? (
              <Button variant="secondary" onClick={() => void signIn(provider.id, { redirectTo: '/settings' })}>
                Link {provider.label}
              </Button>
            ) : (
              <span className="text-muted">Not configured on this server</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
