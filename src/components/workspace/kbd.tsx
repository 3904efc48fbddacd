/** A keyboard shortcut. Ctrl shortcuts also answer to ⌘ on a Mac. */
export function Kbd({ keys }: { keys: string }) {
  return <kbd className="rounded border border-border bg-surface-sunken px-1.5 py-0.5 font-mono text-[11px] text-fg">{keys.replace(/ /g, '+')}</kbd>;
}
