'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/** A modal on the native `<dialog>`: focus stays inside, Escape closes, the page behind is inert. */
export function Dialog({ open, onClose, title, description, children }: { open: boolean; onClose: () => void; title: string; description?: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl border border-border bg-surface-raised p-0 text-fg shadow-2xl backdrop:bg-black/40"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <div className="space-y-1">
            <h2 id={`${id}-title`} className="text-base font-semibold">
              {title}
            </h2>
            {description ? (
              <div id={`${id}-description`} className="text-sm text-muted">
                {description}
              </div>
            ) : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** Asks for a path (new file, new folder, rename or move). Selects the name part, as editors do. */
export function PromptDialog({
  open,
  title,
  label,
  initialValue,
  confirmLabel,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  initialValue: string;
  confirmLabel: string;
  /** Resolves to an error message to show, or null when done. */
  onSubmit: (value: string) => Promise<string | null>;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <PromptForm key={initialValue} label={label} initialValue={initialValue} confirmLabel={confirmLabel} onSubmit={onSubmit} onClose={onClose} />
    </Dialog>
  );
}

function PromptForm({ label, initialValue, confirmLabel, onSubmit, onClose }: { label: string; initialValue: string; confirmLabel: string; onSubmit: (value: string) => Promise<string | null>; onClose: () => void }) {
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.focus();
    const name = initialValue.slice(initialValue.lastIndexOf('/') + 1);
    const start = initialValue.length - name.length;
    const dot = name.lastIndexOf('.');
    field.setSelectionRange(start, dot > 0 ? start + dot : initialValue.length);
  }, [initialValue]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const problem = await onSubmit(value.trim());
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          ref={input}
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          spellCheck={false}
          autoComplete="off"
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-sm aria-invalid:border-red-500"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy || value.trim() === ''}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}

/** A yes/no question; the safe answer has the focus. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button
          variant={danger ? 'danger' : 'primary'}
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
