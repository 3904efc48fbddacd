import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy';
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
});
