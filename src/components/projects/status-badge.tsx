import type { ProjectStatus } from '@/lib/schemas/projects';

const STYLES: Record<ProjectStatus, { label: string; className: string; dot: string }> = {
  initializing: {
    label: 'Setting up',
    className: 'bg-amber-500/12 text-amber-800 ring-amber-500/30 dark:text-amber-300',
    dot: 'bg-amber-500 motion-safe:animate-pulse',
  },
  ready: { label: 'Ready', className: 'bg-emerald-500/12 text-emerald-800 ring-emerald-500/30 dark:text-emerald-300', dot: 'bg-emerald-500' },
  error: { label: 'Setup failed', className: 'bg-red-500/12 text-red-800 ring-red-500/30 dark:text-red-300', dot: 'bg-red-500' },
};

/** A project's status as a pill; `data-status` carries the raw value for tests and styling. */
export function StatusBadge({ status }: { status: ProjectStatus }) {
  const style = STYLES[status];
  return (
    <span data-testid="project-status" data-status={status} className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}
