import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { secureCookies, sessionCookieName } from './cookies';
import { onPublicOrigin, publicOrigin } from './public-origin';

// Next builds request URLs on the host it was started with (`localhost` without --hostname).
const NEXT_URL = 'http://localhost:3000/api/auth/signout';
const trusted = { authUrl: undefined, trustHost: true };

describe('the origin Auth.js works on', () => {
  it('is the one the browser used, not the one Next was started on', () => {
    expect(publicOrigin(new Headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }), NEXT_URL, trusted)).toBe('http://127.0.0.1:3000');
    expect(publicOrigin(new Headers({ host: '192.168.1.20:3000', 'x-forwarded-proto': 'http' }), NEXT_URL, trusted)).toBe('http://192.168.1.20:3000');
    // Behind a TLS proxy.
    expect(publicOrigin(new Headers({ host: '10.0.0.5:3000', 'x-forwarded-host': 'aura.example', 'x-forwarded-proto': 'https' }), NEXT_URL, trusted)).toBe('https://aura.example');
  });

  it('is AUTH_URL when set, and Next’s own when the host is not trusted or unusable', () => {
    expect(publicOrigin(new Headers({ host: 'evil.example' }), NEXT_URL, { authUrl: 'https://aura.example/app', trustHost: true })).toBe('https://aura.example');
    expect(publicOrigin(new Headers({ host: 'evil.example' }), NEXT_URL, { authUrl: undefined, trustHost: false })).toBe('http://localhost:3000');
    expect(publicOrigin(new Headers({ host: 'bad host/x' }), NEXT_URL, trusted)).toBe('http://localhost:3000');
  });

  it('keeps the method, headers, body and path of the request it moves, and its 127.0.0.1 host', async () => {
    // NextRequest turns 127.0.0.1 into localhost; the moved request must not.
    const incoming = new NextRequest('http://127.0.0.1:3000/api/auth/signout?a=1', { method: 'POST', body: 'csrfToken=x', headers: { host: '127.0.0.1:3000', 'x-forwarded-proto': 'http', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(incoming.url).toBe('http://localhost:3000/api/auth/signout?a=1');
    const moved = onPublicOrigin(incoming, trusted);
    expect(moved.url).toBe('http://127.0.0.1:3000/api/auth/signout?a=1');
    expect(moved.method).toBe('POST');
    expect(moved.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await moved.text()).toBe('csrfToken=x');
  });
});

describe('secure cookies', () => {
  it('are used exactly when the browser talks HTTPS, so plain HTTP on a LAN address keeps its CSRF cookie', () => {
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'http' }), undefined)).toBe(false);
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'https' }), undefined)).toBe(true);
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'http' }), 'https://aura.example')).toBe(true);
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'https' }), 'http://localhost:3000')).toBe(false);
    expect(sessionCookieName(true)).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName(false)).toBe('authjs.session-token');
  });
});
