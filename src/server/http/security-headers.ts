/** The request header that carries this request's CSP nonce from the proxy to the layout. */
export const NONCE_HEADER = 'x-nonce';

/** A fresh nonce per response: 128 random bits. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Security headers for every response on Aura's own origin (set in src/proxy.ts). Preview hosts
 * are not Aura's origin: their responses belong to the previewed app and get none of these.
 *
 * Inline scripts run by nonce: every page renders per request, so each gets a fresh nonce, which
 * Next puts on its bootstrap scripts and the layout hands to next-themes' inline script. An
 * injected inline script has no nonce and does not run; script files load from our origin only.
 */
export function securityHeaders(options: { production: boolean; previewDomain: string; nonce: string }): Record<string, string> {
  const preview = `http://*.${options.previewDomain}:* https://*.${options.previewDomain}:*`;
  const directives = [
    "default-src 'self'",
    // Inline scripts need this response's nonce; script files come from our origin only. No
    // 'strict-dynamic': it would drop 'self' inside Monaco's workers, which get this policy too.
    // 'unsafe-eval' only for Next's dev server (React Refresh); production has none.
    `script-src 'self' 'nonce-${options.nonce}'${options.production ? '' : " 'unsafe-eval'"}`,
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
