import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { getFramework, getUiLibrary, type UiLibraryId } from '@/lib/catalog';
import type { AppRouter } from '@/server/api/root';
import { FrameworkMark } from './framework-mark';
import { StatusBadge } from './status-badge';

export type ProjectSummary = inferRouterOutputs<AppRouter>['projects']['list']['items'][number];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
] as const;

function ago(date: Date): string {
  const seconds = (date.getTime() - Date.now()) / 1000;
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}

/** A project on the dashboard: the whole card opens it; setup and delete sit above that link. */
export function ProjectCard({ project, onDelete }: { project: ProjectSummary; onDelete: () => void }) {
  const library = getUiLibrary(project.framework, (project.uiLibrary ?? 'none') as UiLibraryId);
  const details = [getFramework(project.framework).label, library && library.id !== 'none' ? library.label : null, project.configuration.typescript ? 'TypeScript' : 'JavaScript', project.configuration.packageManager];
  return (
    <li className="group relative flex flex-col rounded-xl border border-border bg-surface-raised transition-colors hover:border-accent/50 has-[[data-open]:focus-visible]:border-accent">
      <div className="flex items-start justify-between gap-3 px-5 pt-5">
        <FrameworkMark framework={project.framework} />
        <StatusBadge status={project.status} />
      </div>
      <div className="min-w-0 px-5 pt-3">
        <h2 className="truncate font-semibold">
          <Link href={`/projects/${project.id}`} data-open="" className="rounded-sm after:absolute after:inset-0 after:rounded-xl">
            {project.name}
          </Link>
        </h2>
        <p className="truncate text-xs text-muted">{details.filter(Boolean).join(' · ')}</p>
      </div>
      <p className={`mb-4 mt-2 line-clamp-2 px-5 text-sm ${project.description ? 'text-muted' : 'italic text-muted/70'}`}>{project.description || 'No description'}</p>
      <div className="mt-auto flex items-center gap-2 border-t border-border py-2 pl-5 pr-3">
        <span className="mr-auto text-xs text-muted">
          Updated{' '}
          <time dateTime={project.updatedAt.toISOString()} title={project.updatedAt.toLocaleString()} suppressHydrationWarning>
            {ago(project.updatedAt)}
          </time>
        </span>
        {project.status !== 'ready' ? (
          <Link href={`/projects/new?project=${project.id}`} className="relative z-10 rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent/10">
            {project.status === 'error' ? 'See what failed' : 'Follow setup'}
            <span className="sr-only"> of {project.name}</span>
          </Link>
        ) : null}
        <button
          type="button"
          onClick={onDelete}
          aria-label={`Delete ${project.name}`}
          title="Delete"
          className="relative z-10 flex size-8 items-center justify-center rounded-md text-muted hover:bg-red-500/10 hover:text-red-600 dark:hover:text-red-400"
        >
          <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v5M14 11v5" />
          </svg>
        </button>
      </div>
    </li>
  );
}
