import type { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/authjs';
import { requestIdFrom, withRequestScope } from '@/server/observability/request-scope';

export const dynamic = 'force-dynamic';

/** Auth.js, in a request scope so that its audit log lines (browser logins, logouts) carry a request id. */
function scoped(handler: (req: NextRequest) => Promise<Response>) {
  return (req: NextRequest) => withRequestScope(requestIdFrom(req.headers), () => handler(req));
}

export const GET = scoped(handlers.GET);
export const POST = scoped(handlers.POST);
