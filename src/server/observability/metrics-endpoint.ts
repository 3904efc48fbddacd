import { createHash, timingSafeEqual } from 'node:crypto';
import { getMetrics } from './metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /api/metrics`: Prometheus text for a scraper holding `Authorization: Bearer <METRICS_TOKEN>`.
 * Without a configured token the endpoint does not exist (404), so nothing is exposed by default;
 * a wrong or missing bearer gets 401.
 */
export async function serveMetrics(req: Request, options: { token: string | undefined }): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (!options.token) return new Response('Not found\n', { status: 404, headers });
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  if (!bearer || !timingSafeEqual(digest(bearer), digest(options.token))) {
    return new Response('Unauthorized\n', { status: 401, headers: { ...headers, 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { status: 200, headers: { ...headers, 'content-type': registry.contentType } });
}
