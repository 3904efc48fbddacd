import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NewProjectWizard } from '@/components/projects/wizard/new-project-wizard';
import { projectIdInput } from '@/lib/schemas/projects';
import { getCurrentUser, getServerCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'New project' };

/** `?project=<id>`: the setup view of a project just created (so a reload keeps it). */
async function findProject(projectId: string | undefined) {
  const input = projectIdInput.safeParse({ projectId });
  if (!input.success) return undefined;
  const api = await getServerCaller();
  return api.projects.byId(input.data).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
}

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  const project = await findProject((await searchParams).project);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <div>
        <Link href="/projects" className="text-sm text-muted hover:text-fg">
          ← Projects
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New project</h1>
      </div>
      <NewProjectWizard
        defaultFramework={user.preferences.defaultFramework}
        project={project ? { id: project.id, name: project.name, framework: project.framework, uiLibrary: project.uiLibrary } : undefined}
      />
    </div>
  );
}
