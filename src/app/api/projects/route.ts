import { handleRest } from '@/server/rest/app-routes';

export const dynamic = 'force-dynamic';

export { handleRest as GET };
