'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { TRPCReactProvider } from '@/trpc/react';

// Zod probes for `new Function` to compile faster parsers; the CSP (no 'unsafe-eval') refuses it
// and the browser reports a violation on every page. Parse without it.
z.config({ jitless: true });

/** `nonce`: this response's CSP nonce, for next-themes' inline script (see src/server/http/security-headers.ts). */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </ThemeProvider>
  );
}
