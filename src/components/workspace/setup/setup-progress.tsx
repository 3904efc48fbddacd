'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { SETUP_STEP_LABELS, type SetupStepState } from '@/lib/schemas/setup';
import type { Setup } from './use-setup';

/** Setup steps and the log of the one running, in place of the editor until the project is ready. */
export function SetupProgress({ setup, projectName }: { setup: Setup; projectName: string }) {
  const { steps, phase } = setup;
  const current = steps.find((step) => step.status === 'failed') ?? steps.find((step) => step.status === 'in_progress') ?? steps.findLast((step) => step.status === 'completed');
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [current?.logs]);

  return (
    <section aria-labelledby="setup-title" className="flex h-full flex-col items-center overflow-auto bg-surface-raised px-6 py-8">
      <div className="flex w-full max-w-2xl min-h-0 flex-1 flex-col gap-5">
        <div>
          <h2 id="setup-title" className="text-lg font-semibold">
            {phase === 'failed' ? `Setting up ${projectName} failed` : `Setting up ${projectName}`}
          </h2>
          <p role="status" className="mt-1 text-sm text-muted">
            {phase === 'failed'
              ? 'Fix the cause shown below, or try again.'
              : current
                ? `${SETUP_STEP_LABELS[current.step]}… The editor opens when the project is ready.`
                : 'Waiting for the setup to start…'}
          </p>
        </div>
        <ol className="space-y-1.5" aria-label="Setup steps">
          {steps.map((step) => (
            <li key={step.step} className="flex items-center gap-3 text-sm">
              <StepIcon status={step.status} />
              <span className={step.status === 'pending' ? 'text-muted' : undefined}>{SETUP_STEP_LABELS[step.step]}</span>
              <span className="sr-only">({step.status.replace('_', ' ')})</span>
              <span className="ml-auto font-mono text-xs text-muted">{duration(step)}</span>
            </li>
          ))}
        </ol>
        {current?.error ? (
          <div role="alert" className="rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
            {current.error}
          </div>
        ) : null}
        {phase === 'failed' ? (
          <div className="flex items-center gap-3">
            <Button onClick={setup.retry}>Try again</Button>
            {setup.retryError ? <span className="text-sm text-red-600 dark:text-red-400">{setup.retryError}</span> : null}
          </div>
        ) : null}
        {current?.logs ? (
          <pre
            ref={log}
            aria-label={`Log: ${SETUP_STEP_LABELS[current.step]}`}
            tabIndex={0}
            className="min-h-40 flex-1 overflow-auto whitespace-pre-wrap break-words rounded-lg border border-border bg-surface-sunken p-3 font-mono text-xs leading-relaxed text-fg/80"
          >
            {current.logs}
          </pre>
        ) : null}
      </div>
    </section>
  );
}

function duration(step: SetupStepState): string {
  if (!step.startedAt) return '';
  const end = step.finishedAt ?? null;
  if (!end) return '…';
  return `${((end.getTime() - step.startedAt.getTime()) / 1000).toFixed(1)} s`;
}

function StepIcon({ status }: { status: SetupStepState['status'] }) {
  if (status === 'in_progress') return <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-accent border-t-transparent" />;
  if (status === 'completed') {
    return (
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-emerald-600 dark:text-emerald-400">
        <circle cx="8" cy="8" r="7" fill="currentColor" fillOpacity=".15" />
        <path d="M5 8.2l2 2 4-4.4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (status === 'failed') {
    return (
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-red-600 dark:text-red-400">
        <circle cx="8" cy="8" r="7" fill="currentColor" fillOpacity=".15" />
        <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    );
  }
  return <span aria-hidden="true" className="size-4 rounded-full border-2 border-border" />;
}
