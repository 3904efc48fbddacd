import { z } from 'zod';

/** The setup pipeline, in order. */
export const SETUP_STEPS = ['provision', 'write_files', 'install', 'start_dev_server', 'ready'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const SETUP_STEP_STATUSES = ['pending', 'in_progress', 'completed', 'failed'] as const;
export type SetupStepStatus = (typeof SETUP_STEP_STATUSES)[number];

export const SETUP_STEP_LABELS: Record<SetupStep, string> = {
  provision: 'Provision the sandbox',
  write_files: 'Write the project files',
  install: 'Install dependencies',
  start_dev_server: 'Start the dev server',
  ready: 'Ready',
};

export const setupStepSchema = z.object({
  step: z.enum(SETUP_STEPS),
  status: z.enum(SETUP_STEP_STATUSES),
  logs: z.string(),
  error: z.string().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type SetupStepState = z.infer<typeof setupStepSchema>;

/** The seed's setupStatus, derived from the steps. */
export type SetupStatus = 'pending' | 'in-progress' | 'completed' | 'failed';

/** The seed's `setupStatus`, from the steps. */
export function overallStatus(steps: Pick<SetupStepState, 'status'>[]): SetupStatus {
  if (steps.some((step) => step.status === 'failed')) return 'failed';
  if (steps.length > 0 && steps.every((step) => step.status === 'completed')) return 'completed';
  return steps.some((step) => step.status !== 'pending') ? 'in-progress' : 'pending';
}
