import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/env';
import { corsHeaders, preflightResponse } from '@/server/http/cors';

/** CORS for /api: preflights are answered here, and allowed origins get their headers on every answer. */
export function proxy(request: NextRequest) {
  const origin = request.headers.get('origin');
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    return preflightResponse({ origin, allowed: env.CORS_ORIGINS });
  }
  const response = NextResponse.next();
  corsHeaders({ origin, allowed: env.CORS_ORIGINS })?.forEach((value, key) => response.headers.set(key, value));
  return response;
}

export const config = { matcher: '/api/:path*' };
