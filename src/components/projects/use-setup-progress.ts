'use client';

import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import type { ProjectStatus } from '@/lib/schemas/projects';
import { SETUP_STEPS, type SetupStep, type SetupStepState } from '@/lib/schemas/setup';
import { useTRPC } from '@/trpc/react';

type Steps = Partial<Record<SetupStep, SetupStepState>>;

/** The project's status as the steps imply it: ready once the last step is done, error on any failure. */
function statusOf(steps: Steps): ProjectStatus {
  if (SETUP_STEPS.some((step) => steps[step]?.status === 'failed')) return 'error';
  return steps.ready?.status === 'completed' ? 'ready' : 'initializing';
}

/**
 * Follows a project's setup live: the subscription sends every step's full state first, then each
 * change (one step's full state per event), so the latest event for a step is its truth. It closes
 * once the project is ready. `retry` runs the failed steps again.
 */
export function useSetupProgress(projectId: string) {
  const trpc = useTRPC();
  const [steps, setSteps] = useState<Steps>({});
  const status = statusOf(steps);
  const subscription = useSubscription(
    trpc.projects.onSetupProgress.subscriptionOptions(
      { projectId },
      {
        enabled: status !== 'ready',
        onData: ({ data }) => setSteps((current) => ({ ...current, [data.step]: data })),
      },
    ),
  );
  // The server publishes the failed steps going back to pending, so a retry needs no local patching.
  const retry = useMutation(trpc.projects.setup.mutationOptions());
  const ordered = SETUP_STEPS.map((step) => steps[step] ?? { step, status: 'pending' as const, logs: '', error: null, startedAt: null, finishedAt: null });
  return {
    steps: ordered,
    loaded: Object.keys(steps).length > 0,
    status,
    failed: ordered.find((step) => step.status === 'failed'),
    active: ordered.find((step) => step.status === 'in_progress'),
    connection: subscription.status,
    connectionError: subscription.error,
    retry,
  };
}
