import { useId } from 'react';

/** A labelled on/off switch (a checkbox with the switch role); `lockedReason` explains a forced value. */
export function SwitchField({
  label,
  description,
  checked,
  onChange,
  lockedReason,
}: {
  label: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  lockedReason?: string;
}) {
  const id = useId();
  return (
    <label className="group relative flex cursor-pointer items-start gap-4 rounded-xl border border-border bg-surface-raised p-4 has-disabled:cursor-not-allowed has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent">
      <span className="min-w-0 flex-1">
        <span id={`${id}-label`} className="flex items-center gap-1.5 text-sm font-medium">
          {label}
          {lockedReason ? (
            <svg viewBox="0 0 16 16" className="size-3.5 text-muted" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" aria-hidden="true">
              <rect x="3" y="7" width="10" height="7" rx="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
            </svg>
          ) : null}
        </span>
        <span id={`${id}-description`} className="mt-0.5 block text-sm text-muted">
          {lockedReason ? `${description} ${lockedReason}` : description}
        </span>
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={lockedReason !== undefined}
        onChange={(event) => onChange(event.target.checked)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        className="absolute inset-0 z-10 cursor-pointer appearance-none rounded-xl opacity-0 disabled:cursor-not-allowed"
      />
      <span
        aria-hidden="true"
        className="relative mt-0.5 inline-flex h-6 w-10 shrink-0 items-center rounded-full bg-border transition-colors group-has-checked:bg-accent group-has-disabled:opacity-60"
      >
        <span className="ml-0.5 size-5 rounded-full bg-white shadow-sm transition-transform group-has-checked:translate-x-4" />
      </span>
    </label>
  );
}
