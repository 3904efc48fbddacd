import { getDb } from '@/server/db';
import { createRestHandler } from './handler';

/** The REST surface on the app's database; each documented path's `src/app/api/**\/route.ts` exports it. */
export const handleRest = createRestHandler({ db: getDb });
