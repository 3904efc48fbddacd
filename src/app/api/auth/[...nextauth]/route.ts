import type { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/authjs';
import { onPublicOrigin } from '@/server/auth/public-origin';
import { requestIdFrom, withRequestScope } from '@/server/observability/request-scope';

export const dynamic = 'force-dynamic';

/**
 * Auth.js, in a request scope so that its audit log lines (browser logins, logouts) carry a request
 * id, and on the origin the browser used: Auth.js builds its redirects (sign-out's included) and
 * chooses secure cookies from the request's URL, which Next builds on the host it was started with.
 */
function scoped(handler: (req: NextRequest) => Promise<Response>) {
  return (req: NextRequest) => withRequestScope(requestIdFrom(req.headers), () => handler(onPublicOrigin(req)));
}

export const GET = scoped(handlers.GET);
export const POST = scoped(handlers.POST);
