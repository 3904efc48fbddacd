import { handleRest } from '@/server/rest/app-routes';

export const dynamic = 'force-dynamic';

export { handleRest as DELETE, handleRest as GET, handleRest as PUT };
