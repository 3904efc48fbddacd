'use client';

import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Suspense, useDeferredValue, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useTRPC } from '@/trpc/react';
import { DeleteProjectDialog } from './delete-project-dialog';
import { nextProjectsCursor, projectsListInput } from './list-query';
import { ProjectCard, type ProjectSummary } from './project-card';
import { QueryErrorBoundary } from './query-error-boundary';
import { useDebouncedValue } from './use-debounced-value';

/** How often the list refreshes while a project on it is still being set up. */
const SETUP_POLL_MS = 3000;

/** The dashboard's list: search, pages behind "Load more", live status while setups run, delete. */
export function ProjectList() {
  const searchId = useId();
  const [search, setSearch] = useState('');
  // Debounced for the server, deferred for React: the current results stay while the next load.
  const query = useDeferredValue(useDebouncedValue(search.trim(), 250));
  const [toDelete, setToDelete] = useState<ProjectSummary>();
  const [notice, setNotice] = useState('');
  const stale = query !== search.trim();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative w-full max-w-sm">
          <label htmlFor={searchId} className="sr-only">
            Search projects
          </label>
          <svg viewBox="0 0 24 24" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setNotice('');
            }}
            placeholder="Search by name or description"
            maxLength={64}
            className="block w-full rounded-md border border-border bg-surface-raised py-2 pl-9 pr-3 text-sm shadow-xs placeholder:text-muted"
          />
        </div>
        <p role="status" className="text-sm text-muted">
          {notice || (stale ? 'Searching…' : '')}
        </p>
      </div>

      <QueryErrorBoundary title="Your projects could not be loaded.">
        <Suspense fallback={<ListSkeleton />}>
          <ProjectResults query={query} stale={stale} onDelete={setToDelete} onClear={() => setSearch('')} />
        </Suspense>
      </QueryErrorBoundary>

      {toDelete ? (
        <DeleteProjectDialog project={toDelete} onClose={() => setToDelete(undefined)} onDeleted={(name) => setNotice(`Deleted “${name}”.`)} />
      ) : null}
    </div>
  );
}

function ProjectResults({ query, stale, onDelete, onClear }: { query: string; stale: boolean; onDelete: (project: ProjectSummary) => void; onClear: () => void }) {
  const trpc = useTRPC();
  const list = useSuspenseInfiniteQuery(
    trpc.projects.list.infiniteQueryOptions(projectsListInput(query), {
      getNextPageParam: nextProjectsCursor,
      refetchInterval: (q) => (q.state.data?.pages.some((page) => page.items.some((project) => project.status === 'initializing')) ? SETUP_POLL_MS : false),
    }),
  );
  const projects = list.data.pages.flatMap((page) => page.items);

  if (projects.length === 0 && !query) return <EmptyState />;
  if (projects.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-border px-6 py-14 text-center">
        <p className="font-medium">No projects match “{query}”</p>
        <p className="mt-1 text-sm text-muted">Search looks at names and descriptions.</p>
        <Button variant="secondary" className="mt-5" onClick={onClear}>
          Clear the search
        </Button>
      </div>
    );
  }
  return (
    <div className={`space-y-6 transition-opacity ${stale ? 'opacity-60' : ''}`}>
      <ul aria-label="Projects" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {projects.map((project) => (
          <ProjectCard key={project.id} project={project} onDelete={() => onDelete(project)} />
        ))}
      </ul>
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function EmptyState() {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-border px-6 py-16 text-center">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-xl bg-accent/12 text-accent">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
          <path d="M12 11v5M9.5 13.5h5" />
        </svg>
      </span>
      <h2 className="mt-4 text-lg font-semibold">No projects yet</h2>
      <p className="mt-1 max-w-sm text-sm text-muted">Pick a framework and a UI library, and Aura scaffolds, installs and starts your first project in a sandbox.</p>
      <Link href="/projects/new" className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
        New project
      </Link>
    </div>
  );
}

function ListSkeleton() {
  return (
    <ul aria-label="Loading projects" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {[0, 1, 2].map((key) => (
        <li key={key} className="h-44 rounded-xl border border-border bg-surface-raised p-5">
          <div className="space-y-3 motion-safe:animate-pulse">
            <div className="size-10 rounded-lg bg-surface-sunken" />
            <div className="h-3.5 w-2/3 rounded bg-surface-sunken" />
            <div className="h-3 w-1/2 rounded bg-surface-sunken" />
          </div>
        </li>
      ))}
    </ul>
  );
}
