import { rest } from '@/server/rest/app-routes';

export const dynamic = 'force-dynamic';

export const { GET } = rest.uiLibraries;
