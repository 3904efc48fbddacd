'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { SETUP_STEP_LABELS, type SetupStepState } from '@/lib/schemas/setup';

const STATUS_TEXT = { pending: 'waiting', in_progress: 'in progress', completed: 'done', failed: 'failed' } as const;

/** One setup step: its state, how long it took, its error, and its log behind a toggle. */
export function SetupStepRow({ step, now }: { step: SetupStepState; now: number }) {
  const logId = useId();
  const [choice, setChoice] = useState<boolean>();
  // Follow the work: the running or failed step shows its log until the user decides otherwise.
  const open = choice ?? (step.status === 'in_progress' || step.status === 'failed');
  const hasLogs = step.logs.length > 0;
  return (
    <li data-testid={`setup-step-${step.step}`} data-status={step.status} className="px-4 py-3">
      <div className="flex items-center gap-3">
        <StepIcon status={step.status} />
        <p className={`min-w-0 flex-1 text-sm ${step.status === 'pending' ? 'text-muted' : 'font-medium'}`}>
          {SETUP_STEP_LABELS[step.step]} <span className="sr-only">({STATUS_TEXT[step.status]})</span>
        </p>
        <Duration step={step} now={now} />
        {hasLogs ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={logId}
            onClick={() => setChoice(!open)}
            className="shrink-0 whitespace-nowrap rounded px-2 py-1 text-right text-xs font-medium sm:w-20 text-muted hover:bg-surface-sunken hover:text-fg"
          >
            {open ? 'Hide log' : 'Show log'}
            <span className="sr-only"> of {SETUP_STEP_LABELS[step.step].toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      {step.error ? <p className="ml-8 mt-1.5 text-sm text-red-700 dark:text-red-300">{step.error}</p> : null}
      {hasLogs && open ? <LogView id={logId} text={step.logs} label={`${SETUP_STEP_LABELS[step.step]} log`} /> : null}
    </li>
  );
}

// Colours and cursor moves from npm and friends; the log is shown as plain text.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');

/** A terminal-like log that keeps to the bottom while new output arrives, unless scrolled up. */
function LogView({ id, text, label }: { id: string; text: string; label: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = ref.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [text]);
  const clean = text
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n')
    .trimEnd();
  return (
    <pre
      id={id}
      ref={ref}
      tabIndex={0}
      aria-label={label}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
      className="ml-8 mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-lg border border-border bg-surface-sunken p-3 font-mono text-xs leading-5 text-fg/85"
    >
      {clean}
    </pre>
  );
}

function Duration({ step, now }: { step: SetupStepState; now: number }) {
  if (!step.startedAt || step.status === 'pending') return <span className="min-w-12 sm:w-20" />;
  const end = step.finishedAt?.getTime() ?? now;
  const seconds = Math.max(0, Math.round((end - step.startedAt.getTime()) / 1000));
  const text = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return <span className="min-w-12 text-right font-mono sm:w-20 text-xs tabular-nums text-muted">{text}</span>;
}

function StepIcon({ status }: { status: SetupStepState['status'] }) {
  const base = 'flex size-5 shrink-0 items-center justify-center rounded-full';
  if (status === 'in_progress') {
    return <span aria-hidden="true" className={`${base} border-2 border-accent/25 border-t-accent motion-safe:animate-spin`} />;
  }
  if (status === 'pending') return <span aria-hidden="true" className={`${base} border-2 border-border`} />;
  const done = status === 'completed';
  return (
    <span aria-hidden="true" className={`${base} ${done ? 'bg-emerald-500' : 'bg-red-500'} text-white`}>
      <svg viewBox="0 0 16 16" className="size-3" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" strokeLinejoin="round">
        {done ? <path d="m3.5 8.5 3 3 6-7" /> : <path d="m4.5 4.5 7 7m0-7-7 7" />}
      </svg>
    </span>
  );
}
