import { useId, type ReactNode } from 'react';

/**
 * A radio button drawn as a card. The native input covers the card, transparent, so arrow keys
 * move through the group, Space selects, a click anywhere picks it, and its name is the title.
 */
export function ChoiceCard({
  name,
  value,
  checked,
  disabled = false,
  onSelect,
  title,
  describedBy,
  children,
  className = '',
}: {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  onSelect: () => void;
  title: ReactNode;
  describedBy?: string;
  children?: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  return (
    <label
      className={`group relative flex cursor-pointer flex-col rounded-xl border border-border bg-surface-raised p-4 transition-colors hover:border-accent/60 has-checked:border-accent has-checked:bg-accent/6 has-checked:ring-1 has-checked:ring-accent has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent has-disabled:cursor-not-allowed has-disabled:bg-surface-sunken has-disabled:hover:border-border ${className}`}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={onSelect}
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className="absolute inset-0 z-10 cursor-pointer appearance-none rounded-xl opacity-0 disabled:cursor-not-allowed"
      />
      <span
        aria-hidden="true"
        className="absolute right-3 top-3 flex size-5 items-center justify-center rounded-full border border-border bg-surface-raised text-white group-has-checked:border-accent group-has-checked:bg-accent group-has-disabled:hidden"
      >
        <svg viewBox="0 0 16 16" className="size-3 opacity-0 group-has-checked:opacity-100" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round">
          <path d="m3.5 8.5 3 3 6-7" />
        </svg>
      </span>
      <span id={titleId} className="block">
        {title}
      </span>
      {children}
    </label>
  );
}
