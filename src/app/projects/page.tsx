import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { nextProjectsCursor, projectsListInput } from '@/components/projects/list-query';
import { ProjectList } from '@/components/projects/project-list';
import { getCurrentUser, getQueryClient, HydrateClient, trpc } from '@/trpc/server';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  // The first page comes with the HTML. Awaited: the list renders with the data on the server too, so
  // the client's first render matches it (a pending query here rendered the skeleton: hydration error).
  await getQueryClient().prefetchInfiniteQuery(trpc.projects.list.infiniteQueryOptions(projectsListInput(''), { getNextPageParam: nextProjectsCursor }));
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-sm text-muted">Each project runs in a sandbox of its own. Most recent activity first.</p>
        </div>
        <Link
          href="/projects/new"
          className="inline-flex items-center gap-2 rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-strong"
        >
          <svg viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
            <path d="M8 3v10M3 8h10" />
          </svg>
          New project
        </Link>
      </div>
      <HydrateClient>
        <ProjectList />
      </HydrateClient>
    </div>
  );
}
