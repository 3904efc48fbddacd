import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/auth/account-menu';
import { SiteHeader } from '@/components/site-header';
import { ThemePreference } from '@/components/theme-preference';
import { NONCE_HEADER } from '@/server/http/security-headers';
import { getCurrentUser } from '@/trpc/server';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Aura IDE', template: '%s · Aura IDE' },
  description:
    'A browser IDE: pick a framework and a UI library, get a running sandbox, and build with a file tree, editor, terminals, live preview and an AI agent.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fcfcfd' },
    { media: '(prefers-color-scheme: dark)', color: '#1a1b26' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // Set by src/proxy.ts; Next puts the same nonce on its own scripts.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets the theme class before paint, so the server markup differs by design.
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans antialiased">
        <Providers nonce={nonce}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface-raised focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <ThemePreference theme={user?.preferences.theme ?? null} />
          <SiteHeader account={<AccountMenu user={user} />} signedIn={user !== null} />
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
