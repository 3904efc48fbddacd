'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { getFramework, getUiLibrary, type UiLibraryId } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import { SETUP_STEP_LABELS } from '@/lib/schemas/setup';
import { FrameworkMark } from './framework-mark';
import { SetupStepRow } from './setup-step-row';
import { StatusBadge } from './status-badge';
import { useSetupProgress } from './use-setup-progress';

export interface SetupProject {
  id: string;
  name: string;
  framework: Framework;
  uiLibrary: string | null;
}

const LINK = 'inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors';

/** The live view of a project's setup: each step with its log, Retry on failure, Open workspace when ready. */
export function SetupProgress({ project }: { project: SetupProject }) {
  const { steps, loaded, status, failed, active, connection, connectionError, retry } = useSetupProgress(project.id);
  const now = useNow(active !== undefined);
  const library = getUiLibrary(project.framework, (project.uiLibrary ?? 'none') as UiLibraryId);
  const title = status === 'ready' ? `${project.name} is ready` : status === 'error' ? `Setting up ${project.name} failed` : `Setting up ${project.name}`;
  const announcement = status === 'ready' ? 'Setup finished. The project is ready.' : failed ? `${SETUP_STEP_LABELS[failed.step]} failed.` : active ? `${SETUP_STEP_LABELS[active.step]}…` : '';

  return (
    <section aria-labelledby="setup-title" className="space-y-5">
      <div className="flex flex-wrap items-start gap-4">
        <FrameworkMark framework={project.framework} className="size-12" />
        <div className="min-w-0 flex-1">
          <h2 id="setup-title" tabIndex={-1} className="text-xl font-semibold tracking-tight break-words">
            {title}
          </h2>
          <p className="mt-1 text-sm text-muted">
            {getFramework(project.framework).label}
            {library && library.id !== 'none' ? ` with ${library.label}` : ''}
          </p>
        </div>
        {loaded ? <StatusBadge status={status} /> : null}
      </div>

      <p role="status" className="sr-only">
        {announcement}
      </p>

      <ol aria-label="Setup steps" className="divide-y divide-border rounded-xl border border-border bg-surface-raised" aria-busy={!loaded}>
        {steps.map((step) => (
          <SetupStepRow key={step.step} step={step} now={now} />
        ))}
      </ol>

      {connection === 'connecting' && loaded ? <p className="text-xs text-muted">Reconnecting to the setup stream…</p> : null}
      {connection === 'error' ? <FormMessage kind="error">The live progress stopped: {connectionError?.message ?? 'the connection was lost'}. Reload the page to follow it again.</FormMessage> : null}

      {status === 'error' ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-500/30 bg-red-500/8 p-4">
          <div className="min-w-56 flex-1 text-sm">
            <p className="font-medium text-red-800 dark:text-red-200">{failed ? `${SETUP_STEP_LABELS[failed.step]} failed.` : 'Setup failed.'}</p>
            <p className="mt-0.5 text-red-700 dark:text-red-300">{retry.error?.message ?? 'Check the log above, then try again. Steps that finished are not run again.'}</p>
          </div>
          <Button onClick={() => retry.mutate({ projectId: project.id })} disabled={retry.isPending}>
            {retry.isPending ? 'Retrying…' : 'Retry setup'}
          </Button>
        </div>
      ) : null}

      {status === 'ready' ? (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-emerald-500/30 bg-emerald-500/8 p-4">
          <p className="min-w-56 flex-1 text-sm text-emerald-900 dark:text-emerald-200">The sandbox is running and the dev server is up.</p>
          <Link href="/projects" className={`${LINK} border border-border bg-surface-raised hover:bg-surface-sunken`}>
            All projects
          </Link>
          <Link href={`/projects/${project.id}`} className={`${LINK} bg-accent text-white hover:bg-accent-strong`}>
            Open workspace
          </Link>
        </div>
      ) : status === 'initializing' ? (
        <p className="text-sm text-muted">
          You can leave this page: setup carries on, and{' '}
          <Link href="/projects" className="font-medium text-accent hover:underline">
            your projects
          </Link>{' '}
          show how it is going.
        </p>
      ) : null}
    </section>
  );
}

/** The current time, ticking every second while `running`, for the running step's timer. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
