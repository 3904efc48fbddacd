import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { layoutCookieName, parseSavedLayouts } from '@/components/workspace/layout-state';
import { Workspace } from '@/components/workspace/workspace';
import { getCurrentUser, getQueryClient, getServerCaller, HydrateClient, trpc } from '@/trpc/server';

interface Props {
  params: Promise<{ id: string }>;
}

/** The project and its setup, or null when it does not exist or belongs to someone else. */
const loadProject = cache(async (projectId: string) => {
  const api = await getServerCaller();
  try {
    const [project, setup] = await Promise.all([api.projects.byId({ projectId }), api.projects.status({ projectId })]);
    return { project, setup };
  } catch (error) {
    // A malformed id is as unknown as someone else's project.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  const loaded = user ? await loadProject((await params).id) : null;
  return { title: loaded ? loaded.project.name : 'Workspace' };
}

export default async function WorkspacePage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  const loaded = await loadProject(id);
  if (!loaded) notFound();

  const layouts = parseSavedLayouts((await cookies()).get(layoutCookieName(user.id))?.value);
  // Awaited, not streamed: the tree is in the first HTML, and the client hydrates the same rows.
  await getQueryClient().prefetchQuery(trpc.files.tree.queryOptions({ projectId: id }));
  return (
    <HydrateClient>
      <Workspace
        project={loaded.project}
        initialSteps={loaded.setup.steps}
        user={{ id: user.id, username: user.username }}
        editorSettings={user.preferences.editorSettings}
        savedLayouts={layouts}
      />
    </HydrateClient>
  );
}
