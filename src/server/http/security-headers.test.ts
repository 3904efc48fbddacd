import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { PREVIEW_LABEL_HEADER } from '@/server/preview/serve-preview';
import { securityHeaders } from './security-headers';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

describe('security headers', () => {
  it('go on every page and API response of the app', () => {
    for (const path of ['/', '/projects/123', '/api/trpc/system.health', '/_next/static/chunks/main.js']) {
      const response = proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { host: 'localhost:3000' } }));
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('give each page response its own script nonce, and hand it to Next and the layout', () => {
    const nonces = [1, 2].map(() => {
      const response = proxy(new NextRequest('http://localhost:3000/sign-in', { headers: { host: 'localhost:3000' } }));
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
      expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(response.headers.get('content-security-policy'));
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('leave preview hosts to the previewed app (they are framed by the workspace)', () => {
    const host = 'p5173-abcdefgh.localhost:3000';
    const response = proxy(new NextRequest(`http://${host}/`, { headers: { host } }));
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(new URL(response.headers.get('x-middleware-rewrite')!).pathname).toMatch(/^\/api\/preview-proxy\/?$/);
    expect(response.headers.get('x-middleware-request-' + PREVIEW_LABEL_HEADER)).toBe('p5173-abcdefgh');
    // Next forwards the rewrite to this server, where it passes the proxy again on Aura's host: the
    // previewed app's response must still not be made unframeable.
    const forwarded = proxy(new NextRequest('http://localhost:3000/api/preview-proxy/assets/app.js', { headers: { host: 'localhost:3000', 'x-forwarded-host': host } }));
    expect(forwarded.headers.get('content-security-policy')).toBeNull();
    expect(forwarded.headers.get('x-frame-options')).toBeNull();
  });

  it('let Monaco workers, the preview iframe and the app itself work, and nothing foreign run', () => {
    const csp = directives(securityHeaders({ production: true, previewDomain: 'preview.aura.example', nonce: 'bm9uY2U=' })['content-security-policy']!);
    expect(csp.get('worker-src')).toBe("'self' blob:");
    expect(csp.get('frame-src')).toBe("'self' http://*.preview.aura.example:* https://*.preview.aura.example:*");
    expect(csp.get('script-src')).toBe("'self' 'nonce-bm9uY2U='");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
  });

  it('send HSTS in production only, and allow eval and the hot-reload socket only in development', () => {
    const production = securityHeaders({ production: true, previewDomain: 'localhost', nonce: 'bm9uY2U=' });
    const development = securityHeaders({ production: false, previewDomain: 'localhost', nonce: 'bm9uY2U=' });
    expect(production['strict-transport-security']).toBe('max-age=63072000');
    expect(development['strict-transport-security']).toBeUndefined();
    expect(directives(development['content-security-policy']!).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(development['content-security-policy']!).get('connect-src')).toContain('ws:');
  });

  it('keep CORS for listed origins only, preflights included', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/api/trpc/system.health', { method: 'OPTIONS', headers: { host: 'localhost:3000', origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
