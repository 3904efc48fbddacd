import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from './logo';
import { ThemeToggle } from './theme-toggle';

/** The app shell's header. `account` is the slot for sign-in links or the user menu. */
export function SiteHeader({ account, signedIn = false }: { account?: ReactNode; signedIn?: boolean }) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-surface/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo className="size-7" />
          <span>Aura IDE</span>
        </Link>
        <nav aria-label="Main" className="hidden gap-5 text-sm text-muted sm:flex">
          {signedIn ? (
            // Signed in, the header is the app's: the marketing page's anchors would only crowd it.
            <Link href="/projects" className="font-medium text-fg hover:text-accent">
              Projects
            </Link>
          ) : (
            <>
              <Link href="/#features" className="hover:text-fg">
                Features
              </Link>
              <Link href="/#frameworks" className="hover:text-fg">
                Frameworks
              </Link>
              <Link href="/#get-started" className="hover:text-fg">
                Get started
              </Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle persist={signedIn} />
          {account}
        </div>
      </div>
    </header>
  );
}
