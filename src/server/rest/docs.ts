import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The API reference at /api/docs: Scalar's standalone bundle, served from our own node_modules
 * (never a CDN), reading /api/openapi.json. Both scripts are files on our origin, so the page
 * runs under Aura's CSP (`script-src 'self'`, `connect-src 'self'`) without an inline script.
 */
export function docsPage(): Response {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Aura IDE API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/api/docs/scalar.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
}

// Scalar's defaults would load fonts from fonts.scalar.com, send "Try it" requests through
// proxy.scalar.com and fetch its agent's curated APIs from api.scalar.com: all off, so the page
// only ever talks to this origin (the CSP's connect-src 'self' would block the rest anyway).
const INIT = `Scalar.createApiReference('#app', ${JSON.stringify({ url: '/api/openapi.json', withDefaultFonts: false, hideClientButton: true, telemetry: false, agent: { disabled: true } })});\n`;

// Next runs route handlers from the project root (`next dev`/`next start`); the bundle is a file of
// the installed package (see outputFileTracingIncludes in next.config.mjs).
const SCALAR_BUNDLE = path.join(process.cwd(), 'node_modules/@scalar/api-reference/dist/browser/standalone.js');

export async function docsAsset(name: string): Promise<Response> {
  const headers = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' };
  if (name === 'init.js') return new Response(INIT, { headers });
  if (name === 'scalar.js') return new Response(await readFile(SCALAR_BUNDLE), { headers });
  return new Response('Not found', { status: 404 });
}
