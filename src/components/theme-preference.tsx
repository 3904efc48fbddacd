'use client';

import { useTheme } from 'next-themes';
import { useEffect } from 'react';
import type { UserPreferences } from '@/lib/schemas/users';

/** Applies a signed-in user's saved theme, on every device they sign in from. */
export function ThemePreference({ theme }: { theme: UserPreferences['theme'] | null }) {
  const { setTheme } = useTheme();
  useEffect(() => {
    if (theme) setTheme(theme);
  }, [theme, setTheme]);
  return null;
}
