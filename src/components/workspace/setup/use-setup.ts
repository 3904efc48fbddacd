'use client';

import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { overallStatus, type SetupStepState } from '@/lib/schemas/setup';
import { useTRPC } from '@/trpc/react';

export type SetupPhase = 'running' | 'failed' | 'ready';

const PHASES = { failed: 'failed', completed: 'ready', 'in-progress': 'running', pending: 'running' } as const;

export const phaseOf = (steps: SetupStepState[]): SetupPhase => PHASES[overallStatus(steps)];

/** The project's setup steps: live while setup runs, and a retry for a failed one. */
export function useSetup(projectId: string, initialSteps: SetupStepState[]) {
  const trpc = useTRPC();
  const [steps, setSteps] = useState(initialSteps);
  const phase = phaseOf(steps);
  const [retrying, setRetrying] = useState(false);
  useSubscription(
    trpc.projects.onSetupProgress.subscriptionOptions(
      { projectId },
      {
        enabled: phase !== 'ready',
        onData: ({ data }) => {
          setRetrying(false);
          setSteps((current) => (current.some((step) => step.step === data.step) ? current.map((step) => (step.step === data.step ? data : step)) : [...current, data]));
        },
      },
    ),
  );
  const retry = useMutation(trpc.projects.setup.mutationOptions({ onMutate: () => setRetrying(true), onError: () => setRetrying(false) }));
  return { steps, phase: retrying ? ('running' as const) : phase, retry: () => retry.mutate({ projectId }), retryError: retry.error?.message ?? null };
}

export type Setup = ReturnType<typeof useSetup>;
