import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy';
import { PREVIEW_PROOF_HEADER } from './server/http/preview-proof';
import { PREVIEW_LABEL_HEADER } from './server/preview/serve-preview';

const label = 'p5173-abcdefgh';
const request = (url: string, headers: Record<string, string>) => new NextRequest(url, { headers });

describe('proxy', () => {
  it('leaves Aura’s own pages alone', () => {
    expect(proxy(request('http://localhost:3000/projects', { host: 'localhost:3000' })).headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('sends every path of a preview host to the preview route, with the label', () => {
    const incoming = request('http://127.0.0.1:3100/assets/app.js?v=2', { host: `${label}.localhost:3100` });
    const response = proxy(incoming);
    const target = new URL(response.headers.get('x-middleware-rewrite')!);
    expect(target.pathname + target.search).toBe('/api/preview-proxy/assets/app.js?v=2');
    expect(target.origin).toBe(incoming.nextUrl.origin);
    expect(response.headers.get(`x-middleware-request-${PREVIEW_LABEL_HEADER}`)).toBe(label);
  });

  it('drops a preview label forged on Aura’s own origin, and keeps the one it set itself', () => {
    // The attack: Aura's origin, the preview route, a label and X-Forwarded-Host naming the preview host.
    const forged = proxy(request(`http://127.0.0.1:3100/api/preview-proxy/`, { host: '127.0.0.1:3100', [PREVIEW_LABEL_HEADER]: label, 'x-forwarded-host': `${label}.localhost:3100` }));
    const overridden = forged.headers.get('x-middleware-override-headers')?.split(',') ?? [];
    expect(overridden).not.toContain(PREVIEW_LABEL_HEADER);
    expect(overridden).toContain('x-forwarded-host'); // the request's headers are replaced…
    expect(forged.headers.get(`x-middleware-request-${PREVIEW_LABEL_HEADER}`)).toBeNull(); // …without the label.
    const wrongProof = proxy(request(`http://127.0.0.1:3100/api/preview-proxy/`, { host: '127.0.0.1:3100', [PREVIEW_LABEL_HEADER]: label, [PREVIEW_PROOF_HEADER]: 'x'.repeat(43) }));
    expect(wrongProof.headers.get('x-middleware-override-headers')?.split(',')).not.toContain(PREVIEW_LABEL_HEADER);

    const rewritten = proxy(request('http://127.0.0.1:3100/', { host: `${label}.localhost:3100` }));
    const proof = rewritten.headers.get(`x-middleware-request-${PREVIEW_PROOF_HEADER}`)!;
    const genuine = proxy(request(`http://127.0.0.1:3100/api/preview-proxy/`, { host: '127.0.0.1:3100', [PREVIEW_LABEL_HEADER]: label, [PREVIEW_PROOF_HEADER]: proof }));
    expect(genuine.headers.get('x-middleware-override-headers')).toBeNull();
    expect(genuine.headers.get('x-middleware-next')).toBe('1');
  });
});
