import { getDb } from '@/server/db';
import { restRoutes } from './routes';

/** The REST routes on the app's database; `src/app/api/**\/route.ts` files re-export them. */
export const rest = restRoutes({ db: getDb });
