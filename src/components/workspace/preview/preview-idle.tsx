import { SETUP_STEP_LABELS, type SetupStepState } from '@/lib/schemas/setup';

/** What the preview shows while nothing listens: the setup's progress, the sandbox starting, or how to start the dev server. */
export function PreviewIdle({ setupStep, phase, session, rebuilt, devCommand }: { setupStep: SetupStepState | undefined; phase: string; session: string; rebuilt: boolean; devCommand: string }) {
  const spinner = <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-accent border-t-transparent" />;
  if (phase === 'failed') return <p>The preview starts once the setup succeeds.</p>;
  if (phase !== 'ready') {
    return (
      <>
        {spinner}
        <p>Waiting for the setup: {setupStep ? SETUP_STEP_LABELS[setupStep.step].toLowerCase() : 'starting'}…</p>
      </>
    );
  }
  if (session !== 'open') {
    return (
      <>
        {spinner}
        <p>Starting the sandbox…</p>
      </>
    );
  }
  return (
    <>
      <p className="font-medium text-fg">Nothing is listening yet.</p>
      <p className="max-w-xs">
        {rebuilt ? 'The sandbox was rebuilt from your files, so its dependencies need installing again. ' : 'The dev server is not running. '}
        Start it here, or run <code className="rounded bg-fg/10 px-1 font-mono text-xs">{devCommand}</code> in a terminal.
      </p>
    </>
  );
}
