'use client';

import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';

const listeners = new Map<string, Set<() => void>>();

function read<T>(key: string): T | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/**
 * State remembered in localStorage. The server and the hydrating render use `initial`, then the
 * stored value takes over, so hydration always matches.
 */
export function useLocalState<T>(key: string, initial: T): [T, (next: T | ((current: T) => T)) => void] {
  const [fallback] = useState(initial);
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set.add(listener));
      const onStorage = (event: StorageEvent) => event.key === key && listener();
      window.addEventListener('storage', onStorage);
      return () => {
        set.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
    [key],
  );
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const value = useMemo(() => (raw === null ? fallback : (read<T>(key) ?? fallback)), [raw, key, fallback]);
  const set = useCallback(
    (next: T | ((current: T) => T)) => {
      const current = read<T>(key) ?? fallback;
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(current) : next;
      try {
        window.localStorage.setItem(key, JSON.stringify(resolved));
      } catch {
        // Storage full or blocked: nothing is remembered.
      }
      listeners.get(key)?.forEach((listener) => listener());
    },
    [key, fallback],
  );
  return [value, set];
}
