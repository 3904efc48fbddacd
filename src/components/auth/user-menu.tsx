'use client';

import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';

export function UserMenu({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md border border-border px-2.5 py-1.5 text-sm font-medium hover:bg-surface-sunken"
      >
        <span className="flex size-6 items-center justify-center rounded-full bg-accent/20 text-xs uppercase text-accent" aria-hidden="true">
          {name.slice(0, 1)}
        </span>
        <span className="max-w-32 truncate">{name}</span>
      </button>
      {open ? (
        <div role="menu" aria-label="Account" className="absolute right-0 mt-2 w-48 rounded-lg border border-border bg-surface-raised p-1 shadow-lg">
          <Link role="menuitem" href="/projects" onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 text-sm hover:bg-surface-sunken">
            Projects
          </Link>
          <Link role="menuitem" href="/settings" onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 text-sm hover:bg-surface-sunken">
            Profile and settings
          </Link>
          <button role="menuitem" type="button" onClick={() => void signOut({ redirectTo: '/' })} className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-surface-sunken">
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
