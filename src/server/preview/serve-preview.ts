import { eq } from 'drizzle-orm';
import { env } from '@/env';
import type { Database } from '@/server/db/client';
import { projects } from '@/server/db/schema';
import type { SandboxProvider } from '@/server/sandbox/types';
import { liveSandbox } from '@/server/workspace/live-sandbox';
import { parsePreviewLabel } from './token';

export const PREVIEW_LABEL_HEADER = 'x-aura-preview-label';

// Hop-by-hop headers, and what fetch() has already undone (compression) or will recompute.
const DROP_REQUEST = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', PREVIEW_LABEL_HEADER, 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for']);
const DROP_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length']);

/** The label of a preview host (`p5173-….localhost:3000` → `p5173-…`), or null for any other host. */
export function previewLabelOf(host: string | null): string | null {
  const hostname = host?.split(':')[0]?.toLowerCase();
  const suffix = `.${env.AURA_PREVIEW_DOMAIN.toLowerCase()}`;
  if (!hostname?.endsWith(suffix)) return null;
  const label = hostname.slice(0, -suffix.length);
  return /^p\d{1,5}-[a-z2-7]+$/.test(label) ? label : null;
}

function page(status: number, message: string): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>Preview</title><body style="font:15px system-ui;margin:3rem;color:#444"><p>${message}</p>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * Serves a project's dev server on its preview host. The host label is the capability (see
 * token.ts); the request must really arrive on that host, so a preview never runs on Aura's origin.
 */
export async function servePreview(req: Request, deps: { db: Database; sandboxes: SandboxProvider }): Promise<Response> {
  // src/proxy.ts sets the label for requests on a preview host; after its rewrite the route sees
  // Aura's own host, with the preview host in x-forwarded-host. A navigation cannot set either
  // header, so a page on Aura's origin never gets a preview.
  const label = req.headers.get(PREVIEW_LABEL_HEADER);
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!label || previewLabelOf(host) !== label) return page(404, 'Not found.');
  const grant = parsePreviewLabel(label);
  if (!grant) return page(404, 'This preview link is not valid or has expired. Open the preview again from the workspace.');
  const [project] = await deps.db.select().from(projects).where(eq(projects.id, grant.projectId));
  if (!project) return page(404, 'This project no longer exists.');
  const sandbox = await liveSandbox(deps.sandboxes, project);
  if (!sandbox) return page(503, 'The project’s sandbox is not running. Open the project to start it.');

  const incoming = new URL(req.url);
  const upstreamOrigin = `${deps.sandboxes.name === 'e2b' ? 'https' : 'http'}://${sandbox.getHost(grant.port)}`;
  const headers = new Headers();
  req.headers.forEach((value, key) => {
    if (!DROP_REQUEST.has(key)) headers.set(key, value);
  });
  let upstream: Response;
  try {
    upstream = await fetch(`${upstreamOrigin}${incoming.pathname.replace(/^\/api\/preview-proxy/, '') || '/'}${incoming.search}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      redirect: 'manual',
      // @ts-expect-error -- undici needs this to stream a request body
      duplex: 'half',
    });
  } catch {
    return page(502, `Nothing is answering on port ${grant.port} yet. Start the dev server, then reload.`);
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, key) => {
    if (!DROP_RESPONSE.has(key)) responseHeaders.set(key, key === 'location' ? value.replace(upstreamOrigin, '') : value);
  });
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
