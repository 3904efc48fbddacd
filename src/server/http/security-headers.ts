/**
 * Security headers for every response on Aura's own origin (set in src/proxy.ts). Preview hosts
 * are not Aura's origin: their responses belong to the previewed app and get none of these.
 *
 * Why `script-src 'unsafe-inline'` rather than a nonce: most pages are prerendered, and a
 * per-request nonce would force every page to render dynamically; next-themes also injects an
 * inline script before hydration. React escapes what it renders and no page uses raw HTML, so the
 * policy's job here is to forbid script from any other origin, plugins, `<base>` hijacks, foreign
 * form targets and framing, which it still does.
 */
export function securityHeaders(options: { production: boolean; previewDomain: string }): Record<string, string> {
  const preview = `http://*.${options.previewDomain}:* https://*.${options.previewDomain}:*`;
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only for Next's dev server (React Refresh); production has none.
    `script-src 'self' 'unsafe-inline'${options.production ? '' : " 'unsafe-eval'"}`,
    // Monaco and React set inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Monaco's workers are same-origin module chunks; blob: for libraries that build workers in memory.
    "worker-src 'self' blob:",
    // Avatars from OAuth providers; xterm and Monaco draw on canvases, which need nothing here.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // tRPC and its SSE streams; the dev server's hot-reload socket.
    `connect-src 'self'${options.production ? '' : ' ws: wss:'}`,
    // The preview panel frames the project's dev server on its own origin.
    `frame-src 'self' ${preview}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    // OAuth sign-in posts to Auth.js, which redirects to the provider.
    "form-action 'self' https://github.com https://discord.com",
    // No upgrade-insecure-requests: `npm start` on plain http (a LAN, the browser tests) must keep working.
  ];
  return {
    'content-security-policy': directives.join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Older browsers that ignore frame-ancestors.
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    // Only over HTTPS in production: on http://localhost it would pin the dev host to HTTPS. No
    // includeSubDomains, because preview hosts may be subdomains served over plain HTTP.
    ...(options.production ? { 'strict-transport-security': 'max-age=63072000' } : {}),
  };
}
