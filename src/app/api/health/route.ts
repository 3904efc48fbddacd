import { getLiveness } from '@/server/system/info';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process serves requests. */
export function GET() {
  return Response.json(getLiveness(), { headers: { 'cache-control': 'no-store' } });
}
