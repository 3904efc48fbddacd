import { getDb } from '@/server/db';
import { checkReadiness } from '@/server/system/readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers and its migrations are current, else 503. */
export async function GET() {
  const readiness = await checkReadiness({ db: getDb() });
  return Response.json(
    { status: readiness.ready ? 'ready' : 'unavailable', checks: readiness.checks },
    {
      status: readiness.ready ? 200 : 503,
      headers: { 'cache-control': 'no-store', ...(readiness.ready ? {} : { 'retry-after': '5' }) },
    },
  );
}
