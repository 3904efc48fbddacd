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
  // Auth.js reads only the standard Request API (no nextUrl, no cookies()) unless AUTH_URL is set,
  // and then it builds its own NextRequest from AUTH_URL.
  return (req: NextRequest) => withRequestScope(requestIdFrom(req.headers), () => handler(onPublicOrigin(req) as NextRequest));
}

export const GET = scoped(handlers.GET);
export const POST = scoped(handlers.POST);
