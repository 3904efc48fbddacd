import type { ListProjectsInput } from '@/lib/schemas/projects';

/** Projects per page on the dashboard; the server prefetch and the client list must agree. */
export const PROJECTS_PAGE_SIZE = 12;

export const projectsListInput = (search: string): Omit<ListProjectsInput, 'cursor'> => ({ limit: PROJECTS_PAGE_SIZE, search: search || undefined });

export const nextProjectsCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;
